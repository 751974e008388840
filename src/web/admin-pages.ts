import { FormBody, FormFailure } from './form-input';

/** A refused administration form, shown again with its messages: which form, why, and what was typed. */
export type FailedAdminForm = { form: string; failure: FormFailure; values: FormBody } | undefined;
