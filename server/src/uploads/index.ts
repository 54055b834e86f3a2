/**
 * The uploads capability as records use it (issue 15): referencing one's own uploads, claiming a
 * ballot's scan, attaching a ticket's photos, and the URL spelling (shared). Who may read an upload
 * is uploads/access.ts (imported by the route only: it reads every capability that references files).
 */
export { assertOwnUploads, attachUploads, claimBallotScan } from './references';
export { canonicalUploadUrl, uploadIdOf, uploadUrl } from '@baotou/shared';
