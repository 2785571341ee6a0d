import { expect, it } from 'vitest';
import { latest } from './page-info.tsx';

it('takes the latest of the moments it is given, skipping the unknown ones', () => {
  const day = (d: string) => new Date(`${d}T00:00:00Z`);
  expect(latest([day('2024-05-01'), null, day('2025-01-02'), undefined, day('2024-12-31')])).toEqual(day('2025-01-02'));
  expect(latest([null, undefined])).toBeNull();
  expect(latest([])).toBeNull();
});
