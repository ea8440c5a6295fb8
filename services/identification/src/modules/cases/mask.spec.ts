import { maskName } from './mask';

describe('name masking on the event bus', () => {
  it('keeps the surname and masks the rest', () => {
    expect(maskName('张三')).toBe('张*');
    expect(maskName('欧阳娜娜')).toBe('欧***');
    expect(maskName('李')).toBe('*');
  });
});
