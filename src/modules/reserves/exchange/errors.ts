/**
 * Error codes of the partner exchange (webhooks and CSV imports). Messages: `errors.<CODE>` in
 * src/modules/reserves/locales/{fr,ar,en}.json; row-level import errors use the same codes.
 */
export const EX_ERR = {
  webhookUrlInvalid: 'RESERVES_WEBHOOK_URL_INVALID',
  webhookUrlInsecure: 'RESERVES_WEBHOOK_URL_INSECURE',
  webhookUrlPrivate: 'RESERVES_WEBHOOK_URL_PRIVATE',
  webhookNotFound: 'RESERVES_WEBHOOK_NOT_FOUND',
  webhookDisabled: 'RESERVES_WEBHOOK_DISABLED',
  importNotFound: 'RESERVES_IMPORT_NOT_FOUND',
  importEncoding: 'RESERVES_IMPORT_ENCODING',
  importEmpty: 'RESERVES_IMPORT_EMPTY',
  importTooLarge: 'RESERVES_IMPORT_TOO_LARGE',
  importMalformed: 'RESERVES_IMPORT_MALFORMED',
  importMissingColumn: 'RESERVES_IMPORT_MISSING_COLUMN',
  importNotValid: 'RESERVES_IMPORT_NOT_VALID',
  importState: 'RESERVES_IMPORT_STATE',
  rowRequired: 'RESERVES_IMPORT_ROW_REQUIRED',
  rowNumber: 'RESERVES_IMPORT_ROW_NUMBER',
  rowDate: 'RESERVES_IMPORT_ROW_DATE',
  rowBoolean: 'RESERVES_IMPORT_ROW_BOOLEAN',
  rowChoice: 'RESERVES_IMPORT_ROW_CHOICE',
  rowDuplicate: 'RESERVES_IMPORT_ROW_DUPLICATE',
  rowScope: 'RESERVES_IMPORT_ROW_SCOPE',
  rowTracking: 'RESERVES_IMPORT_ROW_TRACKING',
  rowCode: 'RESERVES_IMPORT_ROW_CODE',
  rowText: 'RESERVES_IMPORT_ROW_TEXT',
} as const;
export type ExErrorCode = (typeof EX_ERR)[keyof typeof EX_ERR];
