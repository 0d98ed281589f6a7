import { useEffect, useState } from 'react';
import { useSession } from '../../app/store';

/**
 * Chat attachments are private: the API serves them only with the bearer token, which an
 * `<img src>` cannot send. The image is fetched with it and shown from a blob URL.
 */
export const AuthImage = ({ src, alt }: { src: string; alt: string }) => {
  const { accessToken } = useSession();
  const [url, setUrl] = useState<string>();
  useEffect(() => {
    if (!accessToken) return;
    let objectUrl: string | undefined;
    let cancelled = false;
    void fetch(src, { headers: { Authorization: `Bearer ${accessToken}` } })
      .then((response) => (response.ok ? response.blob() : undefined))
      .then((blob) => {
        if (!blob || cancelled) return;
        objectUrl = URL.createObjectURL(blob);
        setUrl(objectUrl);
      })
      .catch(() => undefined);
    return () => {
      cancelled = true;
      if (objectUrl) URL.revokeObjectURL(objectUrl);
    };
  }, [src, accessToken]);
  if (!url)
    return (
      <span className="block h-40 w-40 animate-pulse rounded-lg bg-slate-200" aria-label={alt} />
    );
  return <img src={url} alt={alt} className="max-h-60 max-w-full rounded-lg object-cover" />;
};
