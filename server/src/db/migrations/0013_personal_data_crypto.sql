-- Issue 17, personal data under SM4 with key versions: no schema change. Ciphertexts are self-describing text in the
-- existing columns (algorithm and key version in each value), blind indexes stay 64 hex characters, and rotation
-- progress is counted from the data. Values stored before are read as they are and re-encrypted by `npm run rotate-keys`.
SELECT 1;
