import request from 'supertest';
import type { TestApp } from './test-app';

/** The cookies a response sets, as `name=value; …` lines. */
export const cookiesOf = (res: request.Response): string[] => ([] as string[]).concat(res.headers['set-cookie'] ?? []);
/** The `Cookie` header a browser would send back. */
export const jar = (cookies: string[]): string => cookies.map((c) => c.split(';')[0]).join('; ');
/** The CSRF token a page's forms carry. */
export const csrfFrom = (html: string): string => /name="_csrf" value="([^"]+)"/.exec(html)![1];

export interface WebSession {
  cookie: string;
  csrf: string;
}

/**
 * Signs `username` in through the sign-in page as a browser would: its cookies and its pages' CSRF token, read from
 * `page` (a temporary password opens only /doi-mat-khau). Demo password unless another is given.
 */
export async function webSession(
  t: TestApp,
  username: string,
  { password = 'demo1234', page: landing = '/thong-bao' }: { password?: string; page?: string } = {},
): Promise<WebSession> {
  const form = await t.http().get('/dang-nhap').expect(200);
  const signedIn = await t
    .http()
    .post('/dang-nhap')
    .set('cookie', jar(cookiesOf(form)))
    .type('form')
    .send({ username, password, _csrf: csrfFrom(form.text) })
    .expect(303);
  const cookie = jar([...cookiesOf(form).filter((c) => !c.startsWith('capdo_session=')), ...cookiesOf(signedIn)]);
  const page = await t.http().get(landing).set('cookie', cookie).expect(200);
  return { cookie, csrf: csrfFrom(page.text) };
}
