import type { EntityManager } from 'typeorm';
import { decisionStyle, DemoBody } from './demo-heads';

/**
 * The details the explanatory report gives for each demo body as owner or operating unit (Circular 12/2022
 * Art. 8.3.a–b; Decree 331/2026 Art. 22.3.a–b). Like the signers' names in demo-heads.ts they are made up: the head
 * who signs the body's decisions represents it; the address, phone and e-mail follow one pattern per body.
 */
export function demoAgencyContacts(body: DemoBody) {
  const style = decisionStyle(body);
  let h = 11;
  for (const c of body.code) h = (h * 31 + c.charCodeAt(0)) >>> 0;
  const local = body.code.toLowerCase().replace(/^sl-/, '').replace(/-/g, '');
  return {
    functionsDocument: `Văn bản quy định chức năng, nhiệm vụ, quyền hạn của ${body.name}`,
    representativeName: style.signerName,
    representativeTitle: style.signerTitle,
    address: `Trụ sở ${body.name}, tỉnh Sơn La`,
    phone: `0212 3${String(h % 1000000).padStart(6, '0')}`,
    email: `${local}@sonla.gov.vn`,
  };
}

/** Records the demo bodies' details where none is recorded yet (an administrator's later edits are kept). */
export async function seedDemoAgencyContacts(em: EntityManager, bodies: DemoBody[]): Promise<void> {
  for (const body of bodies) {
    const c = demoAgencyContacts(body);
    await em.query(
      `UPDATE agencies SET functions_document = $2, representative_name = $3, representative_title = $4, address = $5, phone = $6, email = $7
        WHERE code = $1 AND functions_document IS NULL AND representative_name IS NULL AND address IS NULL AND phone IS NULL AND email IS NULL`,
      [body.code, c.functionsDocument, c.representativeName, c.representativeTitle, c.address, c.phone, c.email],
    );
  }
}
