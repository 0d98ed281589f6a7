import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { TUserProfile } from '@localkart/contracts/users';
import { api } from '../../api/api';
import { apiMessage } from '@localkart/web-kit/api-error';
import { Button } from '@localkart/web-kit/ui/button';

export const AvatarUpload = ({ profile }: { profile: TUserProfile }) => {
  const { t } = useTranslation();
  const input = useRef<HTMLInputElement>(null);
  const [upload, { isLoading, error }] = api.useUploadAvatarMutation();
  return (
    <div className="flex flex-col items-center gap-3">
      {profile.avatar ? (
        <img
          src={profile.avatar.url}
          alt={t('profile.avatarAlt')}
          className="h-28 w-28 rounded-full object-cover ring-4 ring-teal-50"
        />
      ) : (
        <span
          aria-hidden="true"
          className="flex h-28 w-28 items-center justify-center rounded-full bg-teal-700 text-4xl font-bold text-white"
        >
          {profile.firstName.slice(0, 1)}
        </span>
      )}
      <input
        ref={input}
        type="file"
        accept="image/jpeg,image/png,image/webp"
        className="sr-only"
        aria-label={t('profile.changePhoto')}
        onChange={(event) => {
          const file = event.target.files?.[0];
          if (file) void upload(file);
          event.target.value = '';
        }}
      />
      <Button variant="secondary" busy={isLoading} onClick={() => input.current?.click()}>
        {t('profile.changePhoto')}
      </Button>
      {error && (
        <p role="alert" className="text-xs text-red-700">
          {apiMessage(error) ?? t('common.errorBody')}
        </p>
      )}
    </div>
  );
};
