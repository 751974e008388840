import { isYes } from './reset';

describe('npm run reset: the question before deleting', () => {
  it('deletes only on an explicit yes', () => {
    for (const answer of ['y', 'Y', 'yes', ' c ', 'có', 'CÓ']) expect(isYes(answer)).toBe(true);
  });

  it('keeps the data on no, on an empty answer, on anything else and when stdin closes unanswered', () => {
    for (const answer of ['n', 'N', '', 'không', 'yy', 'ok', undefined]) expect(isYes(answer)).toBe(false);
  });
});
