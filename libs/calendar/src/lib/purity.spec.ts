import { readdirSync, readFileSync } from 'fs';
import { join } from 'path';

const sourceFiles = [join(__dirname, '..', 'index.ts'), ...readdirSync(__dirname).filter((f) => !f.endsWith('.spec.ts')).map((f) => join(__dirname, f))];

describe('fit for Temporal workflow code', () => {
  it('imports nothing but its own modules and the chinese-days JSON data', () => {
    for (const file of sourceFiles) {
      const imports = [...readFileSync(file, 'utf8').matchAll(/from '([^']+)'/g)].map((m) => m[1]);
      const foreign = imports.filter((i) => !i.startsWith('./') && i !== 'chinese-days/dist/chinese-days.json');
      expect({ file, foreign }).toEqual({ file, foreign: [] });
    }
  });

  it('uses no clock, randomness or host time zone', () => {
    for (const file of sourceFiles) {
      const code = readFileSync(file, 'utf8');
      expect({ file, found: code.match(/Date\.now|Math\.random|new Date\(\)|getTimezoneOffset|toLocale\w*|getHours|getDate\(/g) }).toEqual({ file, found: null });
    }
  });
});
