import { OptionsType, TranslationKeys, ZxcvbnFactory } from '@zxcvbn-ts/core';
import { adjacencyGraphs, dictionary as commonDictionary } from '@zxcvbn-ts/language-common';
import { dictionary as englishDictionary } from '@zxcvbn-ts/language-en';

/**
 * The password policy (issue 22): a length between 10 and 256 characters, and a strength estimate (zxcvbn-ts, offline)
 * of at least 3 out of 4 — so common and breached-style passwords ("123456a@", "Matkhau2024!", "sonla@123", the
 * user's own name) are refused whatever their length or character classes. Pure: no Nest, no database.
 */
export const PASSWORD_MIN_LENGTH = 10;
export const PASSWORD_MAX_LENGTH = 256;
export const PASSWORD_MIN_SCORE = 3;

/**
 * Words Vietnamese users reach for that no English list holds: "password" in Vietnamese, the product and the office
 * names, the province (the demo and the first rollout are Sơn La) and its towns, common keyboard habits.
 */
export const VIETNAMESE_COMMON_PASSWORDS: readonly string[] = [
  'matkhau',
  'matkhau123',
  'matkhau@123',
  'matkhaumoi',
  'doimatkhau',
  '123456a@',
  '123456aa@',
  '123456abc',
  '12345678a@',
  'abc@123',
  'abc123456',
  'admin@123',
  'admin123',
  'quantri',
  'quantrivien',
  'capdo',
  'capdo123',
  'capdo@123',
  'sonla',
  'sonla123',
  'sonla@123',
  'tinhsonla',
  'ubndsonla',
  'mocchau',
  'phuyen',
  'thuanchau',
  'maison',
  'songma',
  'yenchau',
  'bacyen',
  'quynhnhai',
  'vietnam',
  'vietnam123',
  'hanoi',
  'hochiminh',
  'ubnd',
  'ubndtinh',
  'uybannhandan',
  'congan',
  'congantinh',
  'sotttt',
  'sothongtin',
  'thongtintruyenthong',
  'sokhcn',
  'canbo',
  'congchuc',
  'vienchuc',
  'vanthu',
  'vanphong',
  'coquan',
  'donvi',
  'lanhdao',
  'thamdinh',
  'chuquan',
  'vanhanh',
  'antoan',
  'anninh',
  'baomat',
  'hethong',
  'thongtin',
  'capdoantoan',
  'anhyeuem',
  'emyeuanh',
  'yeuem',
  'yeuanh',
  'iloveyou',
  'nguyen',
  'tran',
  'hoang',
  'pham',
  'huynh',
];

/** zxcvbn-ts's feedback keys in Vietnamese, so the refusal tells the person why in their own language. */
const VIETNAMESE: TranslationKeys = {
  warnings: {
    straightRow: 'Các phím liền nhau trên một hàng bàn phím rất dễ đoán.',
    keyPattern: 'Các phím gần nhau trên bàn phím rất dễ đoán.',
    simpleRepeat: 'Ký tự lặp lại như "aaa" rất dễ đoán.',
    extendedRepeat: 'Cụm ký tự lặp lại như "abcabcabc" rất dễ đoán.',
    sequences: 'Dãy ký tự liên tiếp như "abc" hay "6543" rất dễ đoán.',
    recentYears: 'Những năm gần đây rất dễ đoán.',
    dates: 'Ngày tháng rất dễ đoán.',
    topTen: 'Đây là một trong những mật khẩu bị dùng nhiều nhất.',
    topHundred: 'Đây là mật khẩu bị dùng rất nhiều.',
    common: 'Đây là mật khẩu phổ biến.',
    similarToCommon: 'Mật khẩu này gần giống một mật khẩu phổ biến.',
    wordByItself: 'Một từ đơn lẻ rất dễ đoán.',
    namesByThemselves: 'Tên riêng hay họ đứng một mình rất dễ đoán.',
    commonNames: 'Tên riêng và họ phổ biến rất dễ đoán.',
    userInputs: 'Mật khẩu không được chứa tên đăng nhập, họ tên hay thông tin của tài khoản.',
    pwned: 'Mật khẩu này đã bị lộ trong một vụ rò rỉ dữ liệu trên Internet.',
  },
  suggestions: {
    l33t: 'Tránh thay chữ bằng ký tự dễ đoán như "@" thay "a".',
    reverseWords: 'Tránh viết ngược một từ thông dụng.',
    allUppercase: 'Viết hoa một vài chữ, không phải tất cả.',
    capitalization: 'Viết hoa cả những chữ khác ngoài chữ đầu.',
    dates: 'Tránh ngày tháng và năm gắn với bạn.',
    recentYears: 'Tránh những năm gần đây.',
    associatedYears: 'Tránh những năm gắn với bạn.',
    sequences: 'Tránh dãy ký tự liên tiếp.',
    repeated: 'Tránh lặp lại từ và ký tự.',
    longerKeyboardPattern: 'Dùng các phím rời rạc, đổi hướng gõ nhiều lần.',
    anotherWord: 'Thêm những từ ít thông dụng hơn.',
    useWords: 'Dùng nhiều từ ghép lại, tránh các cụm quen thuộc.',
    noNeed: 'Có thể đặt mật khẩu mạnh mà không cần ký hiệu, số hay chữ hoa.',
    pwned: 'Nếu đã dùng mật khẩu này ở nơi khác, hãy đổi nó.',
  },
  timeEstimation: {
    ltSecond: 'dưới một giây',
    second: '{base} giây',
    seconds: '{base} giây',
    minute: '{base} phút',
    minutes: '{base} phút',
    hour: '{base} giờ',
    hours: '{base} giờ',
    day: '{base} ngày',
    days: '{base} ngày',
    month: '{base} tháng',
    months: '{base} tháng',
    year: '{base} năm',
    years: '{base} năm',
    centuries: 'hàng thế kỷ',
  },
};

const OPTIONS: OptionsType = {
  translations: VIETNAMESE,
  graphs: adjacencyGraphs,
  dictionary: { ...commonDictionary, ...englishDictionary, 'passwords-vi': [...VIETNAMESE_COMMON_PASSWORDS] },
  maxLength: PASSWORD_MAX_LENGTH,
};

/** Built once: ranking the dictionaries takes a moment, a check then takes milliseconds. */
let estimator: ZxcvbnFactory | undefined;
function zxcvbn(): ZxcvbnFactory {
  estimator ??= new ZxcvbnFactory(OPTIONS);
  return estimator;
}

/** What the account itself would give away: its username, its full name and each word of it, its e-mail's name. */
export interface PasswordOwner {
  username?: string | null;
  fullName?: string | null;
  email?: string | null;
}

export interface PasswordVerdict {
  acceptable: boolean;
  /** 0 (guessed at once) to 4 (very hard to guess), as zxcvbn-ts estimates it. */
  score: number;
  /** Why it is refused and what to do, in Vietnamese; undefined when acceptable. */
  message?: string;
}

export function assessPassword(password: string, owner: PasswordOwner = {}): PasswordVerdict {
  if (password.length < PASSWORD_MIN_LENGTH)
    return { acceptable: false, score: 0, message: `Mật khẩu phải dài ít nhất ${PASSWORD_MIN_LENGTH} ký tự.` };
  if (password.length > PASSWORD_MAX_LENGTH)
    return { acceptable: false, score: 0, message: `Mật khẩu dài tối đa ${PASSWORD_MAX_LENGTH} ký tự.` };
  const result = zxcvbn().check(password, ownerWords(owner));
  if (result.score >= PASSWORD_MIN_SCORE) return { acceptable: true, score: result.score };
  const why = [result.feedback.warning, ...result.feedback.suggestions].filter((line): line is string => !!line);
  const advice = why.length ? why.join(' ') : 'Hãy dùng một cụm vài từ ít gặp ghép lại, dài hơn.';
  return { acceptable: false, score: result.score, message: `Mật khẩu quá dễ đoán. ${advice}` };
}

/** The refusal message, or undefined when the password is acceptable. */
export function passwordProblem(password: string, owner: PasswordOwner = {}): string | undefined {
  return assessPassword(password, owner).message;
}

function ownerWords(owner: PasswordOwner): string[] {
  const words = new Set<string>();
  const add = (value: string | null | undefined) => {
    const text = (value ?? '').trim().toLowerCase();
    if (text.length >= 3) words.add(text);
    const plain = withoutDiacritics(text);
    if (plain.length >= 3) words.add(plain);
  };
  add(owner.username);
  add(owner.email?.split('@')[0]);
  add(owner.fullName);
  add(withoutDiacritics(owner.fullName ?? '').replace(/\s+/g, ''));
  for (const part of (owner.fullName ?? '').split(/\s+/)) add(part);
  return [...words];
}

function withoutDiacritics(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D');
}
