import { personLabel } from './person-label';

describe('personLabel (issue 21 point 6: history shows names and titles, not usernames)', () => {
  it('is the full name and the title', () => {
    expect(personLabel('Nguyễn Văn A', 'Chuyên viên')).toBe('Nguyễn Văn A, Chuyên viên');
  });

  it('is the name alone without a title, trimmed', () => {
    expect(personLabel(' Nguyễn Văn A ', null)).toBe('Nguyễn Văn A');
    expect(personLabel('Nguyễn Văn A', '  ')).toBe('Nguyễn Văn A');
  });

  it('falls back when the person is unknown (an account since removed), never to an empty text', () => {
    expect(personLabel(null, null, 'canbo.sl-so-xd')).toBe('canbo.sl-so-xd');
    expect(personLabel(undefined, 'Chuyên viên')).toBe('—');
  });
});
