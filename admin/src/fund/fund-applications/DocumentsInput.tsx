import { UploadedFilesInput, type UploadedFile } from '../../common/UploadedFilesInput';

export type FundDocument = UploadedFile;

/**
 * Supervision and acceptance documents, uploaded (the uploads capability, as tickets and disclosures
 * use it) instead of typed URLs (issue 16 §1); the server takes only the reviewer's own uploads.
 */
export const DocumentsInput = ({ source = 'documents' }: { source?: string }) => <UploadedFilesInput source={source} testId="fund-documents" />;
