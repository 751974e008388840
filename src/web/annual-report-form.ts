import { FormBody, FormDraft, FormReader } from './form-input';

/** The "report sent" form of the annual report section, to be validated as the API's RecordAnnualSubmissionDto. */
export function annualSubmissionFromForm(body: FormBody): FormDraft {
  const f = new FormReader(body);
  const plain = {
    stage: f.text('stage') ?? '',
    sentOn: f.date('sentOn') ?? '',
    documentNumber: f.text('documentNumber') ?? '',
    recipient: f.text('recipient') ?? undefined,
  };
  return { plain, reader: f };
}
