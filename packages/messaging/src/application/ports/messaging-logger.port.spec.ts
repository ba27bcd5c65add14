import { stderrMessagingLogger } from './messaging-logger.port';

describe('stderrMessagingLogger', () => {
  it('writes warnings and errors to stderr as JSON lines and drops the rest', () => {
    const lines: string[] = [];
    const write = jest.spyOn(process.stderr, 'write').mockImplementation((chunk) => {
      lines.push(String(chunk));
      return true;
    });
    try {
      stderrMessagingLogger.debug({ a: 1 }, 'debug');
      stderrMessagingLogger.info({ a: 2 }, 'info');
      stderrMessagingLogger.warn({ topic: 't' }, 'broker away');
      stderrMessagingLogger.error({ consumer: 'c' });
    } finally {
      write.mockRestore();
    }
    expect(lines).toHaveLength(2);
    expect(lines.every((line) => line.endsWith('\n'))).toBe(true);
    expect(JSON.parse(lines[0]!)).toMatchObject({ level: 'warn', name: '@mercado/messaging', msg: 'broker away', topic: 't' });
    expect(JSON.parse(lines[1]!)).toMatchObject({ level: 'error', consumer: 'c' });
  });
});
