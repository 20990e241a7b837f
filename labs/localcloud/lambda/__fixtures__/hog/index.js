// Keeps allocating until the memory size is exhausted.
exports.handler = async () => {
  const kept = [];
  for (;;) kept.push(new Array(1_000_000).fill(kept.length));
};
