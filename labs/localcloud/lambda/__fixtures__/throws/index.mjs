export const handler = async () => {
  throw new TypeError('boom: the order has no items');
};
