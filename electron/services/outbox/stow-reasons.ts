/**
 * What a FailureReason (0008,1197) or WarningReason (0008,1196) means, in words a radiographer or
 * PACS administrator can act on. Codes are the four hex digits, e.g. "A700".
 */
export function describeFailureReason(code: string | undefined): string {
  const suffix = code ? ` (reason ${code}H)` : '';
  if (!code) return 'The PACS refused this instance without giving a reason. Ask the PACS administrator to check its log.';
  if (code.startsWith('A7')) return `The PACS is out of resources (disk or memory)${suffix}. Tandem retries automatically; tell the PACS administrator if it persists.`;
  if (code.startsWith('A9') || code === '0106') return `The PACS says the data set does not match its SOP class${suffix}. This is a defect in Tandem's object; report it.`;
  if (code === 'C122') return `The PACS does not accept this transfer syntax${suffix}. Ask the PACS administrator to enable it.`;
  if (code.startsWith('C')) return `The PACS could not understand this instance${suffix}. This is a defect in Tandem's object or the PACS; report it.`;
  if (code === '0122') return `The PACS does not accept this kind of object (SOP class not supported)${suffix}. Ask the PACS administrator to enable it.`;
  if (code === '0111') return `The PACS already holds an instance with this UID${suffix}.`;
  if (code === '0124') return `The PACS does not allow this account to store objects${suffix}. Ask the PACS administrator for write access.`;
  if (code === '0110') return `The PACS could not process this instance${suffix}; a common cause is a Study Instance UID that does not match the study it was sent to. Ask the PACS administrator to check its log.`;
  return `The PACS refused this instance${suffix}. Ask the PACS administrator to check its log.`;
}

/** What a WarningReason (0008,1196) on a stored instance means. */
export function describeWarningReason(code: string): string {
  if (code === 'B000') return 'Stored, but the PACS changed some data elements (coercion, reason B000H).';
  if (code === 'B006') return 'Stored, but the PACS discarded some data elements (reason B006H).';
  if (code === 'B007') return 'Stored, but the PACS found the data set does not match its SOP class (reason B007H).';
  return `Stored with a warning from the PACS (reason ${code}H).`;
}

/** Out-of-resources failures go away by themselves; the rest need a person. */
export function isTransientFailure(code: string | undefined): boolean {
  return code?.startsWith('A7') ?? false;
}
