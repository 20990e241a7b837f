// Busy-loops forever: only killing the instance ends it.
exports.handler = async () => {
  for (;;);
};
