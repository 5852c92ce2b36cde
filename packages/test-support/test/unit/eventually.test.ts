import { eventually } from '../../src/eventually';

describe('eventually', () => {
  it('tries again until the attempt holds, and gives what it returned', async () => {
    let tries = 0;
    const value = await eventually(
      () => {
        tries++;
        if (tries < 3) throw new Error(`not yet (${tries})`);
        return 'ready';
      },
      { timeoutMs: 5_000, intervalMs: 1 },
    );
    expect(value).toBe('ready');
    expect(tries).toBe(3);
  });

  it('fails with the last error once its time is up', async () => {
    let tries = 0;
    await expect(
      eventually(
        () => {
          tries++;
          throw new Error(`still wrong (${tries})`);
        },
        { timeoutMs: 20, intervalMs: 1 },
      ),
    ).rejects.toThrow(/^still wrong \(\d+\)$/);
    expect(tries).toBeGreaterThan(1);
  });
});
