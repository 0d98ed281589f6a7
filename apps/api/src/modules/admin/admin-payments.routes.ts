import type { Router } from 'express';
import {
  ZLedgerAccountsQuery,
  ZLedgerEntriesQuery,
  ZPayoutRequest,
  ZPayoutsExportQuery,
  ZPayoutsOwedQuery,
  ZPayoutsQuery,
  ZRefundsQuery,
  ZReportQuery,
} from '@localkart/contracts/admin';
import { sendData } from '../../platform/http/envelope';
import { actorOf, idParam } from './admin-page';
import type { AdminPayments } from './admin-payments.service';

export const adminPaymentsRoutes = (router: Router, payments: AdminPayments) => {
  router.get('/api/admin/ledger/accounts', async (req, res) => {
    const { accounts, meta } = await payments.accounts(ZLedgerAccountsQuery.parse(req.query));
    sendData(res, accounts, { meta });
  });
  router.get('/api/admin/ledger/entries', async (req, res) => {
    const { entries, meta } = await payments.entries(ZLedgerEntriesQuery.parse(req.query));
    sendData(res, entries, { meta });
  });
  router.get('/api/admin/payments/refunds', async (req, res) => {
    const { refunds, meta } = await payments.refunds(ZRefundsQuery.parse(req.query));
    sendData(res, refunds, { meta });
  });
  router.get('/api/admin/payouts/owed', async (req, res) => {
    const { owed, meta } = await payments.owed(ZPayoutsOwedQuery.parse(req.query));
    sendData(res, owed, { meta });
  });
  router.get('/api/admin/payouts', async (req, res) => {
    const { payouts, meta } = await payments.payouts(ZPayoutsQuery.parse(req.query));
    sendData(res, payouts, { meta });
  });
  router.get('/api/admin/payouts/export', async (req, res) => {
    const query = ZPayoutsExportQuery.parse(req.query);
    const csv = await payments.exportCsv(query);
    res
      .status(200)
      .type('text/csv; charset=utf-8')
      .attachment(`payouts-${query.kind}.csv`)
      .setHeader('Cache-Control', 'no-store')
      .send(csv);
  });
  router.post('/api/admin/providers/:id/payouts', async (req, res) => {
    const id = idParam(req);
    sendData(res, await payments.payOut(actorOf(req), id, ZPayoutRequest.parse(req.body)));
  });
  router.get('/api/admin/reports/commission', async (req, res) => {
    sendData(res, await payments.commission(ZReportQuery.parse(req.query)));
  });
};
