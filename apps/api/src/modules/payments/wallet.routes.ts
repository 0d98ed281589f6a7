import { Router } from 'express';
import { ZTopUpRequest, ZWalletQuery } from '@localkart/contracts/payments';
import { sendData } from '../../platform/http/envelope';
import type { Idempotency } from '../../platform/http/idempotency';
import { callerOf, type AuthGuard } from '../auth/auth.guard';
import type { WalletService } from './wallet.service';
import type { PaymentsService } from './payments.service';

export const walletRoutes = ({
  wallet,
  payments,
  guard,
  idempotent,
}: {
  wallet: WalletService;
  payments: PaymentsService;
  guard: AuthGuard;
  idempotent: Idempotency;
}): Router => {
  const router = Router();
  router.get('/api/users/wallet', guard.requireAuth, async (req, res) => {
    const query = ZWalletQuery.parse(req.query);
    const { wallet: data, meta } = await wallet.getWallet(callerOf(req).userId, query);
    sendData(res, data, { meta });
  });
  router.post('/api/users/wallet/top-up', guard.requireAuth, idempotent, async (req, res) => {
    const { amountPaise } = ZTopUpRequest.parse(req.body);
    const order = await payments.createTopUpOrder({ userId: callerOf(req).userId, amountPaise });
    sendData(res, order, { status: 201 });
  });
  return router;
};
