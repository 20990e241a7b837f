// Counts invocations in module scope: the counter lives as long as the execution environment does.
let invocations = 0;

export const handler = async (event) => {
  invocations += 1;
  // Holding the environment busy lets a proof send a second event while this one still runs.
  if (event && typeof event.holdMs === 'number') await new Promise((resolve) => setTimeout(resolve, event.holdMs));
  return { invocations };
};
