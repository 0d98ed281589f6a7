import type { BlindIndex, FieldEncryption } from '../../platform/crypto/field-encryption';

export type ProtectedPhone = {
  phoneCiphertext: string | null;
  phoneKeyId: string | null;
  phoneIndex: string | null;
};

/** Phone numbers are personal data: stored encrypted, found through a blind index. */
export const createPhoneProtection = ({
  encryption,
  blindIndex,
}: {
  encryption: FieldEncryption;
  blindIndex: BlindIndex;
}) => ({
  protect: (phone: string | null): ProtectedPhone => {
    if (phone === null) return { phoneCiphertext: null, phoneKeyId: null, phoneIndex: null };
    const { ciphertext, keyId } = encryption.encrypt(phone);
    return { phoneCiphertext: ciphertext, phoneKeyId: keyId, phoneIndex: blindIndex(phone) };
  },
  reveal: (row: { phoneCiphertext: string | null; phoneKeyId: string | null }): string | null =>
    row.phoneCiphertext && row.phoneKeyId
      ? encryption.decrypt({ ciphertext: row.phoneCiphertext, keyId: row.phoneKeyId })
      : null,
});

export type PhoneProtection = ReturnType<typeof createPhoneProtection>;
