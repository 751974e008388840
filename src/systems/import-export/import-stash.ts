import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { Clock } from '../../common/clock';
import { UploadedSheet } from './import-reading';

interface Stashed extends UploadedSheet {
  userId: string;
  fileName: string;
  storedAt: number;
}

/** How long a file waits between the preview and the import. */
export const STASH_MINUTES = 30;
/** Files kept at once for all users (at most 10 MB each); the oldest goes first. */
const MAX_FILES = 20;

/**
 * The file a user uploaded on the import page, kept in memory between the preview and the confirmation (issue 21)
 * so that it need not be chosen again: under a random token, for the user who uploaded it only, one file per user,
 * for at most STASH_MINUTES. Nothing touches the disk, so no path comes from the request. A restart forgets the files:
 * the page then asks for the file again.
 */
@Injectable()
export class ImportStash {
  private readonly files = new Map<string, Stashed>();

  constructor(private readonly clock: Clock) {}

  put(userId: string, file: UploadedSheet, fileName: string): string {
    this.expire();
    for (const [token, stashed] of this.files) if (stashed.userId === userId) this.files.delete(token);
    while (this.files.size >= MAX_FILES) this.files.delete(this.files.keys().next().value!);
    const token = randomUUID();
    this.files.set(token, { buffer: file.buffer, size: file.size, userId, fileName, storedAt: this.clock.now().getTime() });
    return token;
  }

  /** The user's own file under this token, if it is still kept. */
  get(userId: string, token: unknown): (UploadedSheet & { fileName: string }) | undefined {
    this.expire();
    const stashed = typeof token === 'string' ? this.files.get(token) : undefined;
    return stashed?.userId === userId ? stashed : undefined;
  }

  drop(userId: string, token: string): void {
    if (this.files.get(token)?.userId === userId) this.files.delete(token);
  }

  private expire(): void {
    const oldest = this.clock.now().getTime() - STASH_MINUTES * 60_000;
    for (const [token, stashed] of this.files) if (stashed.storedAt < oldest) this.files.delete(token);
  }
}
