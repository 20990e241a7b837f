/** Collects named checks, prints each as it finishes and the `N passed, N failed` summary at the end. */
export class Results {
  passed = 0;
  failed: { name: string; message: string }[] = [];

  async check(name: string, body: () => Promise<void>): Promise<void> {
    const started = performance.now();
    try {
      await body();
      this.passed++;
      console.log(`  ✓ ${name} (${((performance.now() - started) / 1000).toFixed(1)} s)`);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      this.failed.push({ name, message });
      console.log(`  ✗ ${name}\n      ${message.split('\n').join('\n      ')}`);
    }
  }

  summary(): string {
    return `${this.passed} passed, ${this.failed.length} failed`;
  }
}
