import { migrateDatabase } from '../database/database-roles';

const USAGE = `Thiết lập quyền tối thiểu trên máy chủ PostgreSQL riêng (DATABASE_URL), rồi áp dụng migration:
  DATABASE_URL=postgres://capdo_app:<mật khẩu>@<máy chủ>/capdo DATABASE_ADMIN_URL=postgres://<quản trị>@<máy chủ>/capdo npm run db:harden
DATABASE_URL là tài khoản ứng dụng (tạo nếu chưa có, với mật khẩu trong URL); DATABASE_ADMIN_URL là tài khoản quản trị
(superuser, hoặc có CREATEROLE và sở hữu cơ sở dữ liệu), chỉ dùng cho lệnh này, không cấp cho máy chủ ứng dụng.
Chạy lại sau mỗi lần nâng cấp capdo: migration chạy bằng tài khoản ứng dụng, nhật ký kiểm toán được niêm phong lại sau đó.`;

async function main(): Promise<void> {
  const app = process.env.DATABASE_URL;
  const admin = process.env.DATABASE_ADMIN_URL;
  if (process.argv.includes('--help') || !app || !admin) throw new Error(USAGE);
  const started = Date.now();
  const applied = await migrateDatabase({ app, admin });
  const user = decodeURIComponent(new URL(app).username);
  console.log(
    `Đã thiết lập quyền: ứng dụng dùng tài khoản ${user} (không phải superuser), nhật ký kiểm toán thuộc capdo_audit, ứng dụng chỉ được đọc và ghi thêm. ` +
      `${applied.length ? `Đã áp dụng migration: ${applied.join(', ')}. ` : ''}Xong sau ${((Date.now() - started) / 1000).toFixed(1)} giây.`,
  );
}

main().catch((error: Error) => {
  console.error(`Thiết lập quyền thất bại: ${error.message}`);
  process.exit(1);
});
