import { afterEach, describe, expect, it, vi } from 'vitest';
import { fileNameFrom, saveFile } from './csv-download';

describe('fileNameFrom', () => {
  it('when the header quotes a file name, then that name is used', () => {
    expect(fileNameFrom('attachment; filename="payouts-owed.csv"', 'x.csv')).toBe(
      'payouts-owed.csv',
    );
  });

  it('when there is an RFC 5987 name too, then it wins and is decoded', () => {
    expect(
      fileNameFrom(
        `attachment; filename="payouts.csv"; filename*=UTF-8''payouts%20paid.csv`,
        'x.csv',
      ),
    ).toBe('payouts paid.csv');
  });

  it('when the name has a path or is missing, then only a safe base name or the fallback is kept', () => {
    expect(fileNameFrom('attachment; filename="../../etc/passwd"', 'x.csv')).toBe('passwd');
    expect(fileNameFrom('attachment; filename=".bashrc"', 'x.csv')).toBe('x.csv');
    expect(fileNameFrom('attachment', 'x.csv')).toBe('x.csv');
    expect(fileNameFrom(null, 'x.csv')).toBe('x.csv');
  });
});

describe('saveFile', () => {
  afterEach(() => {
    vi.useRealTimers();
    vi.restoreAllMocks();
  });

  it('when a file is saved, then a download link is clicked, removed, and the URL freed later', () => {
    vi.useFakeTimers();
    const revoke = vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => undefined);
    const clicked: { href: string; download: string; attached: boolean }[] = [];
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (
      this: HTMLAnchorElement,
    ) {
      clicked.push({ href: this.href, download: this.download, attached: this.isConnected });
    });

    saveFile({ url: 'blob:http://localhost/abc', fileName: 'payouts-owed.csv' });

    expect(clicked).toEqual([
      { href: 'blob:http://localhost/abc', download: 'payouts-owed.csv', attached: true },
    ]);
    expect(document.querySelector('a[download]')).toBeNull();
    expect(revoke).not.toHaveBeenCalled();
    vi.runAllTimers();
    expect(revoke).toHaveBeenCalledWith('blob:http://localhost/abc');
  });
});
