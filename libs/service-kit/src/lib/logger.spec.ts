import { JsonLogger } from './logger';

describe('JSON logger', () => {
  it('writes one JSON object per line with level, service and context, dropping levels below the threshold', () => {
    const lines: string[] = [];
    const logger = new JsonLogger('identification', 'info', (line) => lines.push(line));
    logger.debug('noise');
    logger.log('case stored', 'SubmitCaseService');
    logger.error(new Error('boom'));
    expect(lines).toHaveLength(2);
    expect(JSON.parse(lines[0])).toMatchObject({ level: 'info', service: 'identification', context: 'SubmitCaseService', msg: 'case stored' });
    expect(JSON.parse(lines[1])).toMatchObject({ level: 'error', msg: 'boom' });
  });
});
