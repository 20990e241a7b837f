// An error thrown outside the handler's promise chain ends the instance, as on Lambda.
exports.handler = async () => {
  setTimeout(() => {
    throw new RangeError('escaped the handler');
  }, 10);
  return new Promise(() => {});
};
