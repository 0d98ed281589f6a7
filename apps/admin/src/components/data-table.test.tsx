import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import i18next from 'i18next';
import { I18nextProvider } from 'react-i18next';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { en } from '../i18n/en';
import { DataTable, type Column } from './data-table';

const i18n = i18next.createInstance();
void i18n.init({
  lng: 'en',
  resources: { en: { translation: en } },
  interpolation: { escapeValue: false },
});

type Row = { id: string; name: string; createdAt: string };
const rows: Row[] = [
  { id: 'a', name: 'Mehta Plumbing', createdAt: '2026-03-01' },
  { id: 'b', name: 'Kaveri Cleaners', createdAt: '2026-03-02' },
];
const columns: Column<Row>[] = [
  { id: 'name', header: 'Name', cell: (row) => row.name, sortKey: 'name' },
  {
    id: 'created',
    header: 'Created',
    cell: (row) => row.createdAt,
    sortKey: 'createdAt',
    firstOrder: 'desc',
  },
];

const renderTable = (props: Partial<Parameters<typeof DataTable<Row>>[0]> = {}) => {
  const handlers = { onPage: vi.fn(), onSort: vi.fn(), onOpen: vi.fn() };
  render(
    <I18nextProvider i18n={i18n}>
      <DataTable<Row>
        caption="Providers"
        columns={columns}
        rowKey={(row) => row.id}
        rowLabel={(row) => row.name}
        result={{
          data: { items: rows, meta: { page: 2, limit: 2, total: 6, hasNext: true } },
          isLoading: false,
          isFetching: false,
          refetch: vi.fn(),
        }}
        page={2}
        sort={{ key: 'name', order: 'asc' }}
        {...handlers}
        {...props}
      />
    </I18nextProvider>,
  );
  return handlers;
};

afterEach(cleanup);

describe('DataTable', () => {
  it('when a sorted header is clicked, then the same column is asked for in the other order', () => {
    const { onSort } = renderTable();
    expect(screen.getByRole('columnheader', { name: /Name/ }).getAttribute('aria-sort')).toBe(
      'ascending',
    );
    fireEvent.click(screen.getByRole('button', { name: 'Sort by Name' }));
    expect(onSort).toHaveBeenCalledWith({ key: 'name', order: 'desc' });
  });

  it('when another header is clicked, then it is asked for in its first order', () => {
    const { onSort } = renderTable();
    fireEvent.click(screen.getByRole('button', { name: 'Sort by Created' }));
    expect(onSort).toHaveBeenCalledWith({ key: 'createdAt', order: 'desc' });
  });

  it('when there are more pages, then the server totals are shown and both directions page', () => {
    const { onPage } = renderTable();
    expect(screen.getByText('6 results')).toBeTruthy();
    expect(screen.getByText('Page 2 of 3')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: /Next page/ }));
    fireEvent.click(screen.getByRole('button', { name: /Previous page/ }));
    expect(onPage.mock.calls).toEqual([[3], [1]]);
  });

  it('when a row is opened by its button or by a click on the row, then onOpen gets that row once', () => {
    const { onOpen } = renderTable();
    fireEvent.click(screen.getByRole('button', { name: 'Open: Kaveri Cleaners' }));
    const row = screen.getByRole('row', { name: /Mehta Plumbing/ });
    fireEvent.click(within(row).getByText('Mehta Plumbing'));
    expect(onOpen.mock.calls).toEqual([[rows[1]], [rows[0]]]);
  });

  it('when the page is empty, then the empty state says so', () => {
    renderTable({
      result: {
        data: { items: [], meta: {} },
        isLoading: false,
        isFetching: false,
        refetch: vi.fn(),
      },
      emptyTitle: 'Nothing waiting',
    });
    expect(screen.getByText('Nothing waiting')).toBeTruthy();
    expect(screen.queryByRole('table')).toBeNull();
  });
});
