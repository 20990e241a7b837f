exports.handler = async () => {
  const order = { id: 'o-1' };
  order.self = order;
  return order;
};
