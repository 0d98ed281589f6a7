import type {
  TBooking,
  TBookingQuote,
  TBookingStatus,
  TCreateBookingRequest,
  TCustomerBookingsQuery,
  TProviderBookingsQuery,
  TProviderBookingStatusRequest,
  TRescheduleBookingRequest,
} from '@localkart/contracts/bookings';
import type { TFieldError } from '@localkart/contracts/errors';
import { isExclusionViolation, retryingDeadlocks } from '../../db/constraint-errors';
import { inTransaction, type Db } from '../../db/client';
import type { Within } from '../../db/within';
import { AppError, ErrorCode } from '../../platform/errors';
import type { Logger } from '../../platform/logger';
import type { PubSub } from '../../platform/pubsub/pubsub';
import type { AuthenticatedUser } from '../auth/auth.guard';
import type { Ledger } from '../payments/ledger.service';
import type { PaymentsService } from '../payments/payments.service';
import {
  findBookableProvider,
  type BookableProvider,
  type BookingRequestFacts,
} from '../providers/bookable-provider.repo';
import { findProviderByUserId } from '../providers/providers.repo';
import {
  ACTIVE_STATUSES,
  basePriceOf,
  DEFAULT_DURATION_MINUTES,
  feeIfCancelledAt,
  RULES,
  type BookingAction,
  type BookingPolicy,
  type Party,
} from './booking-rules';
import { bookingMoney } from './booking-money';
import { startOf, toBooking, toQuote } from './booking-views';
import {
  countBookings,
  findBooking,
  findBookingParties,
  findUnpaidOnlineBookings,
  insertBookingIfBookable,
  insertHistory,
  isSlotFree,
  lapseUnpaidOnlineBooking,
  listBookings,
  markBookingPaid,
  setPaymentStatus,
  updateBookingIfStatus,
  type BookingFilter,
  type BookingPatch,
  type BookingRequest,
  type BookingRow,
} from './bookings.repo';

/** Published after every committed change; the messaging module turns it into live events. */
export const BOOKING_STATUS_CHANNEL = 'bookings.status-changed';
export type BookingStatusChanged = {
  bookingId: string;
  customerId: string;
  providerId: string;
  /** The provider's user account: whom to notify. */
  providerUserId: string;
  from: TBookingStatus | null;
  to: TBookingStatus;
  at: string;
};

const notFound = () => new AppError(ErrorCode.NOT_FOUND, 'Booking not found');
/** Unpaid online bookings lapsed per pass; the next pass takes the rest. */
const EXPIRY_BATCH = 200;
const slotTaken = () =>
  new AppError(ErrorCode.CONFLICT, 'The provider is already booked at that time', {
    reason: 'slot_taken',
  });
/**
 * Runs a write that takes a slot under the no-overlap constraint: again when PostgreSQL aborts
 * it to break a deadlock with another such write, and a refused overlap becomes 409.
 */
const takingSlot = async <T>(write: () => Promise<T>): Promise<T> => {
  try {
    return await retryingDeadlocks(write);
  } catch (error) {
    if (isExclusionViolation(error)) throw slotTaken();
    throw error;
  }
};
const invalid = (message: string, errors: TFieldError[]) =>
  new AppError(ErrorCode.VALIDATION_ERROR, message, errors);

export type BookingChange = { before: TBooking; after: TBooking };

type Moment = { date: string; time: string; dateField: string; timeField: string };

export const createBookingsService = ({
  db,
  ledger,
  payments,
  policy,
  pubsub,
  logger,
  providerChanged,
}: {
  db: Db;
  ledger: Ledger;
  payments: PaymentsService;
  policy: BookingPolicy;
  pubsub: PubSub;
  logger: Logger;
  /** Tells search its cached availability of this provider is stale. */
  providerChanged: (providerId: string, categories?: string[]) => Promise<void>;
}) => {
  const money = bookingMoney({ ledger, payments });

  type BookableCheck = {
    customerId?: string;
    service: { serviceId?: string | null; category: string; subcategory?: string | undefined };
    moment: Moment;
    /** Re-timing an accepted booking: its service and area are not checked again. */
    timeOnly?: boolean;
  };

  /**
   * The provider's facts allow a booking at `moment`, or this throws: 404 for an unknown or
   * inactive provider, 400 naming each field the provider cannot meet (area, hours, leave, past).
   * The creation statement (`insertBookingIfBookable`) applies the same conditions in SQL.
   */
  const assertBookable = (
    provider: BookableProvider | undefined,
    { customerId, service, moment, timeOnly = false }: BookableCheck,
  ): BookableProvider => {
    if (!provider?.active) throw new AppError(ErrorCode.NOT_FOUND, 'Provider not found');
    if (customerId && provider.userId === customerId)
      throw invalid('You cannot book yourself', [
        { path: 'providerId', message: 'is your own provider profile', code: 'own_provider' },
      ]);
    const errors: TFieldError[] = [];
    const offered = provider.service && provider.service.categorySlug === service.category;
    if (!offered && !timeOnly)
      errors.push({
        path: service.serviceId ? 'service.serviceId' : 'service.category',
        message: 'is not a service this provider offers',
        code: 'service_not_offered',
      });
    if (!provider.coversPoint && !timeOnly)
      errors.push({
        path: 'location.coordinates',
        message: 'is outside the provider’s service area',
        code: 'outside_service_area',
      });
    const timeError = (message: string, code: string) =>
      errors.push({ path: moment.timeField, message, code });
    if (provider.startsAt.getTime() <= Date.now()) timeError('is in the past', 'in_past');
    else if (!provider.withinWeeklySlot)
      timeError('is outside the provider’s working hours', 'outside_availability');
    else if (provider.onLeave) timeError('the provider is on leave then', 'on_leave');
    if (errors.length > 0) throw invalid('The provider cannot take this booking', errors);
    return provider;
  };

  type BookingAsked = BookableCheck & {
    providerId: string;
    point: { lat: number; lng: number };
    durationMinutes: number;
  };

  /** What the facts query (and the creation statement) reads from a request. */
  const factsAsked = ({
    providerId,
    service,
    point,
    moment,
    durationMinutes,
  }: BookingAsked): BookingRequestFacts => ({
    providerId,
    serviceId: service.serviceId ?? undefined,
    category: service.category,
    subcategory: service.subcategory,
    point,
    date: moment.date,
    time: moment.time,
    durationMinutes,
  });

  /** The provider's facts for a booking at `moment`, checked by `assertBookable`. */
  const checkBookable = async (asked: BookingAsked): Promise<BookableProvider> =>
    assertBookable(await findBookableProvider(db, factsAsked(asked)), asked);

  /** The duration, point and moment a creation request asks for. */
  const askedIn = (request: TCreateBookingRequest) => {
    const [lng, lat] = request.location.coordinates;
    const moment: Moment = {
      date: request.schedule.preferredDate,
      time: request.schedule.preferredTime,
      dateField: 'schedule.preferredDate',
      timeField: 'schedule.preferredTime',
    };
    const durationMinutes = Math.round(
      (request.service.estimatedDuration ?? DEFAULT_DURATION_MINUTES / 60) * 60,
    );
    return { durationMinutes, point: { lat, lng }, moment };
  };

  const priced = async (request: TCreateBookingRequest) => {
    const { durationMinutes, point, moment } = askedIn(request);
    const provider = await checkBookable({
      providerId: request.providerId,
      service: request.service,
      point,
      moment,
      durationMinutes,
    });
    const service = provider.service!;
    const basePricePaise = basePriceOf(service.unit, service.basePricePaise, durationMinutes);
    return { provider, service, durationMinutes, basePricePaise };
  };

  /** `providerUserId` when the caller knows it (creation); else it is looked up. */
  const publish = async (
    row: BookingRow,
    from: TBookingStatus | null,
    slotChanged: boolean,
    providerUserId?: string,
  ) => {
    providerUserId ??= (await findBookingParties(db, row.id))?.providerUserId;
    if (!providerUserId) return;
    const event: BookingStatusChanged = {
      bookingId: row.id,
      customerId: row.customerId,
      providerId: row.providerId,
      providerUserId,
      from,
      to: row.status,
      at: row.updatedAt.toISOString(),
    };
    await pubsub
      .publish(BOOKING_STATUS_CHANNEL, event)
      .catch((error: unknown) =>
        logger.warn({ err: error, bookingId: row.id }, 'booking change not published'),
      );
    if (slotChanged) await providerChanged(row.providerId);
  };

  const quote = async (request: TCreateBookingRequest): Promise<TBookingQuote> => {
    const { provider, service, durationMinutes, basePricePaise } = await priced(request);
    return toQuote(
      {
        providerId: provider.id,
        service: {
          serviceId: service.id,
          category: service.categorySlug,
          subcategory: service.subcategorySlug,
          title: service.title,
          estimatedDuration: durationMinutes / 60,
        },
        pricing: {
          unit: service.unit,
          unitPricePaise: service.basePricePaise,
          basePricePaise,
          additionalChargesPaise: 0,
          totalAmountPaise: basePricePaise,
          currency: 'INR',
        },
        slotFree: await isSlotFree(db, provider.id, provider.startsAt, durationMinutes),
        startsAt: provider.startsAt,
        durationMinutes,
        timeZone: provider.timeZone,
      },
      policy,
      new Date(),
    );
  };

  const create = async (
    caller: AuthenticatedUser,
    request: TCreateBookingRequest,
  ): Promise<TBooking> => {
    const { durationMinutes, point, moment } = askedIn(request);
    const asked: BookingRequest = {
      ...factsAsked({
        providerId: request.providerId,
        service: request.service,
        point,
        moment,
        durationMinutes,
      }),
      customerId: caller.userId,
      description: request.service.description,
      address: request.location.address,
      instructions: request.location.instructions ?? null,
      paymentMethod: request.paymentMethod,
    };
    /** Inserts the booking in one round trip, or explains from the provider's facts why not. */
    const insert = async (database: Db) => {
      const { provider, booking } = await insertBookingIfBookable(database, asked);
      if (provider && booking) return { provider, booking };
      assertBookable(provider, { customerId: caller.userId, service: request.service, moment });
      throw new Error('a booking the provider could take was not inserted');
    };
    const { provider, booking: row } = await takingSlot(() =>
      request.paymentMethod === 'wallet'
        ? inTransaction(db, async (tx) => {
            const { provider, booking } = await insert(tx);
            // Insufficient balance throws 409 here and rolls the booking back with it.
            const paid = await ledger.payFromWallet(
              {
                bookingId: booking.id,
                userId: caller.userId,
                amountPaise: booking.totalAmountPaise,
              },
              tx,
            );
            return {
              provider,
              booking: (await markBookingPaid(tx, booking.id, paid.transactionId))!,
            };
          })
        : insert(db),
    );
    const order =
      request.paymentMethod === 'online' ? await startOnlinePayment(caller, row) : undefined;
    await publish(row, null, false, provider.userId);
    await providerChanged(provider.id, provider.categories);
    return toBooking(row, policy, { ...(order ? { order } : {}) });
  };

  /** The gateway order for an online booking; if the gateway fails, the booking is withdrawn. */
  const startOnlinePayment = async (caller: AuthenticatedUser, row: BookingRow) => {
    try {
      return await payments.createBookingOrder({
        userId: caller.userId,
        bookingId: row.id,
        amountPaise: row.totalAmountPaise,
      });
    } catch (error) {
      const reason = 'The online payment could not be started';
      await inTransaction(db, async (tx) => {
        const cancelled = await updateBookingIfStatus(tx, row.id, 'pending', {
          status: 'cancelled',
          cancelledBy: caller.userId,
          cancelledByRole: 'customer',
          cancellationReason: reason,
        });
        if (cancelled)
          await insertHistory(tx, {
            bookingId: row.id,
            fromStatus: 'pending',
            toStatus: 'cancelled',
            actorId: caller.userId,
            actorRole: 'customer',
            reason,
          });
      });
      throw error;
    }
  };

  /** Refunds what a cancelled booking holds, net of its fee; the fee goes to the provider. */
  const refundCancelled = async (tx: Db, row: BookingRow): Promise<BookingRow> => {
    if (!(await money.refundCancelled(tx, row))) return row;
    await setPaymentStatus(tx, row.id, 'refunded');
    return { ...row, paymentStatus: 'refunded' };
  };

  /** Online money that arrives for a cancelled booking goes straight back. */
  payments.onBookingPaid(async (tx, { bookingId, transactionId }) => {
    const row = await markBookingPaid(tx, bookingId, transactionId);
    if (row?.status === 'cancelled') await refundCancelled(tx, row);
  });

  const partyOf = async (caller: AuthenticatedUser, row: BookingRow): Promise<Party | null> => {
    if (caller.role === 'admin') return 'admin';
    if (row.customerId === caller.userId) return 'customer';
    if (caller.role === 'provider') {
      const provider = await findProviderByUserId(db, caller.userId);
      if (provider?.id === row.providerId) return 'provider';
    }
    return null;
  };

  /** The booking and how the caller stands to it; 404 for strangers, as for unknown ids. */
  const load = async (caller: AuthenticatedUser, id: string) => {
    const row = await findBooking(db, id);
    const party = row ? await partyOf(caller, row) : null;
    if (!row || !party) throw notFound();
    return { row, party };
  };

  const conflict = (status: TBookingStatus, action: BookingAction) =>
    new AppError(ErrorCode.CONFLICT, `A ${status.replace('_', ' ')} booking cannot be changed so`, {
      currentStatus: status,
      action,
      allowedFrom: RULES[action].from,
    });

  /**
   * One change of a booking: permission (403), current state (409 with it), then in one
   * transaction a compare-and-set on the status, the history row, the money and the caller's
   * `within` work; published after the commit.
   */
  const change = async ({
    caller,
    id,
    action,
    reason,
    prepare,
    money,
    within,
  }: {
    caller: AuthenticatedUser;
    id: string;
    action: BookingAction;
    reason?: string | undefined;
    prepare?: (row: BookingRow, party: Party) => Promise<BookingPatch> | BookingPatch;
    money?: (tx: Db, row: BookingRow) => Promise<BookingRow>;
  } & Within<BookingChange>): Promise<TBooking> => {
    const { row, party } = await load(caller, id);
    const rule = RULES[action];
    if (!rule.by.includes(party))
      throw new AppError(ErrorCode.AUTHORIZATION_ERROR, 'You may not make this change');
    if (!rule.from.includes(row.status)) throw conflict(row.status, action);
    const patch = (await prepare?.(row, party)) ?? {};
    // A new slot meets the exclusion constraint, as a new booking does.
    const updated = await takingSlot(() =>
      inTransaction(db, async (tx) => {
        const changed = await updateBookingIfStatus(tx, row.id, row.status, {
          ...patch,
          status: rule.to,
        });
        if (!changed) return undefined;
        await insertHistory(tx, {
          bookingId: row.id,
          fromStatus: row.status,
          toStatus: rule.to,
          actorId: caller.userId,
          actorRole: party,
          reason: reason ?? null,
        });
        const done = money ? await money(tx, changed) : changed;
        if (within)
          await within(tx, { before: toBooking(row, policy), after: toBooking(done, policy) });
        return done;
      }),
    );
    if (!updated) throw conflict((await findBooking(db, row.id))?.status ?? row.status, action);
    await publish(updated, row.status, Boolean(patch.slot) || rule.to === 'cancelled');
    return toBooking(updated, policy);
  };

  /** A new start for the booking: the time is checked as for a new booking. */
  const startAt = async (row: BookingRow, moment: Moment): Promise<Date> => {
    const provider = await checkBookable({
      providerId: row.providerId,
      service: { category: row.categorySlug },
      point: { lat: row.latitude, lng: row.longitude },
      moment,
      durationMinutes: row.estimatedDurationMinutes,
      timeOnly: true,
    });
    return provider.startsAt;
  };

  const confirm = (
    caller: AuthenticatedUser,
    id: string,
    { confirmedDate, confirmedTime }: { confirmedDate?: string; confirmedTime?: string } = {},
  ) =>
    change({
      caller,
      id,
      action: 'confirm',
      prepare: async (row) => {
        if (!confirmedDate || !confirmedTime) return {};
        const start = await startAt(row, {
          date: confirmedDate,
          time: confirmedTime,
          dateField: 'confirmedDate',
          timeField: 'confirmedTime',
        });
        return { confirmedStart: start, slot: { start, minutes: row.estimatedDurationMinutes } };
      },
    });

  const start = (caller: AuthenticatedUser, id: string) => change({ caller, id, action: 'start' });

  const complete = (
    caller: AuthenticatedUser,
    id: string,
    { additionalChargesPaise }: { additionalChargesPaise?: number | undefined } = {},
  ) =>
    change({
      caller,
      id,
      action: 'complete',
      prepare: (row) => {
        if (row.paymentMethod === 'online' && row.paymentStatus !== 'paid')
          throw new AppError(ErrorCode.CONFLICT, 'The online payment has not been received yet', {
            currentStatus: row.status,
            paymentStatus: row.paymentStatus,
          });
        const extra = additionalChargesPaise ?? row.additionalChargesPaise;
        return {
          additionalChargesPaise: extra,
          totalAmountPaise: row.basePricePaise + extra,
        };
      },
      money: async (tx, row) => {
        const cashTransactionId = await money.complete(tx, row);
        if (!cashTransactionId) return row;
        await setPaymentStatus(tx, row.id, 'paid', cashTransactionId);
        return { ...row, paymentStatus: 'paid', paymentTransactionId: cashTransactionId };
      },
    });

  const cancelAs = (
    action: 'cancel' | 'withdraw',
    caller: AuthenticatedUser,
    id: string,
    reason?: string,
    options: Within<BookingChange> = {},
  ) =>
    change({
      ...options,
      caller,
      id,
      action,
      reason,
      prepare: (row, party) => ({
        // Only a customer's own late cancellation costs a fee; providers and admins waive it.
        cancellationFeePaise:
          party === 'customer'
            ? feeIfCancelledAt(
                { startsAt: startOf(row), totalPaise: row.totalAmountPaise },
                policy,
                new Date(),
              )
            : 0,
        cancelledBy: caller.userId,
        cancelledByRole: party,
        cancellationReason: reason ?? null,
      }),
      money: refundCancelled,
    });

  const reschedule = (caller: AuthenticatedUser, id: string, request: TRescheduleBookingRequest) =>
    change({
      caller,
      id,
      action: 'reschedule',
      reason: request.schedule ? 'rescheduled' : 'edited',
      prepare: async (row) => {
        const patch: BookingPatch = {
          ...(request.description ? { description: request.description } : {}),
          ...(request.instructions !== undefined ? { instructions: request.instructions } : {}),
        };
        if (!request.schedule) return patch;
        const begin = await startAt(row, {
          date: request.schedule.preferredDate,
          time: request.schedule.preferredTime,
          dateField: 'schedule.preferredDate',
          timeField: 'schedule.preferredTime',
        });
        return {
          ...patch,
          preferredStart: begin,
          slot: { start: begin, minutes: row.estimatedDurationMinutes },
        };
      },
    });

  /** ERD `PUT /api/providers/bookings/:id/status`: the same changes as the POST routes. */
  const setStatusAsProvider = (
    caller: AuthenticatedUser,
    id: string,
    request: TProviderBookingStatusRequest,
  ) => {
    const errors: TFieldError[] = [];
    const misplaced = (path: string, status: string) =>
      errors.push({ path, message: `only goes with status ${status}`, code: 'unexpected' });
    if (request.status !== 'confirmed') {
      if (request.confirmedDate !== undefined) misplaced('confirmedDate', 'confirmed');
      if (request.confirmedTime !== undefined) misplaced('confirmedTime', 'confirmed');
    } else if ((request.confirmedDate === undefined) !== (request.confirmedTime === undefined)) {
      errors.push({
        path: 'confirmedTime',
        message: 'give confirmedDate and confirmedTime together, or neither',
        code: 'custom',
      });
    }
    if (request.additionalChargesPaise !== undefined && request.status !== 'completed')
      misplaced('additionalChargesPaise', 'completed');
    if (errors.length > 0) throw invalid('Invalid status change', errors);
    switch (request.status) {
      case 'confirmed':
        return confirm(caller, id, {
          ...(request.confirmedDate ? { confirmedDate: request.confirmedDate } : {}),
          ...(request.confirmedTime ? { confirmedTime: request.confirmedTime } : {}),
        });
      case 'in_progress':
        return start(caller, id);
      case 'completed':
        return complete(caller, id, { additionalChargesPaise: request.additionalChargesPaise });
      case 'cancelled':
        return cancelAs('cancel', caller, id, request.reason);
    }
  };

  const get = async (caller: AuthenticatedUser, id: string) =>
    toBooking((await load(caller, id)).row, policy);

  const page = async (filter: BookingFilter, query: { page: number; limit: number }) => {
    const [rows, total] = await Promise.all([
      listBookings(db, filter, { limit: query.limit, offset: (query.page - 1) * query.limit }),
      countBookings(db, filter),
    ]);
    return {
      bookings: rows.map((row) => toBooking(row, policy)),
      meta: {
        page: query.page,
        limit: query.limit,
        total,
        hasNext: query.page * query.limit < total,
      },
    };
  };

  /**
   * An online booking the customer has not paid yet (the checkout was closed, the payment
   * failed): the gateway order to pay it with now. Only while the booking can still happen.
   */
  const paymentOrder = async (caller: AuthenticatedUser, id: string) => {
    const { row, party } = await load(caller, id);
    if (party !== 'customer')
      throw new AppError(ErrorCode.AUTHORIZATION_ERROR, 'Only the customer pays a booking');
    if (row.paymentMethod !== 'online')
      throw new AppError(ErrorCode.CONFLICT, `This booking is paid by ${row.paymentMethod}`, {
        paymentMethod: row.paymentMethod,
      });
    if (row.paymentStatus !== 'pending')
      throw new AppError(ErrorCode.CONFLICT, `This booking is already ${row.paymentStatus}`, {
        paymentStatus: row.paymentStatus,
      });
    if (!ACTIVE_STATUSES.includes(row.status))
      throw new AppError(
        ErrorCode.CONFLICT,
        `A ${row.status.replace('_', ' ')} booking cannot be paid`,
        { currentStatus: row.status },
      );
    return payments.openBookingOrder({
      userId: caller.userId,
      bookingId: row.id,
      amountPaise: row.totalAmountPaise,
    });
  };

  /**
   * Online bookings whose payment has not come `policy.onlinePaymentMinutes` after they were made are
   * cancelled, so an abandoned checkout does not hold the provider's time; a payment that still
   * arrives is refunded (see `onBookingPaid`). Safe in every process at once: each booking lapses
   * once. Returns how many lapsed in this pass (at most a batch).
   */
  const expireUnpaidOnline = async (now = new Date()): Promise<number> => {
    const minutes = policy.onlinePaymentMinutes;
    const cutoff = new Date(now.getTime() - minutes * 60_000);
    const reason = `The online payment did not arrive within ${minutes} minutes`;
    let lapsed = 0;
    for (const row of await findUnpaidOnlineBookings(db, cutoff, EXPIRY_BATCH)) {
      const cancelled = await inTransaction(db, async (tx) => {
        const changed = await lapseUnpaidOnlineBooking(tx, row.id, reason);
        if (changed)
          await insertHistory(tx, {
            bookingId: row.id,
            fromStatus: row.status,
            toStatus: 'cancelled',
            actorId: null,
            actorRole: 'customer',
            reason,
          });
        return changed;
      });
      if (!cancelled) continue;
      lapsed += 1;
      await publish(cancelled, row.status, true);
    }
    return lapsed;
  };

  const listForCustomer = (caller: AuthenticatedUser, query: TCustomerBookingsQuery) =>
    page({ customerId: caller.userId, status: query.status }, query);

  const listForProvider = async (caller: AuthenticatedUser, query: TProviderBookingsQuery) => {
    const provider = await findProviderByUserId(db, caller.userId);
    if (!provider) throw new AppError(ErrorCode.NOT_FOUND, 'Register as a provider first');
    return page(
      { providerId: provider.id, status: query.status, fromDate: query.from, toDate: query.to },
      query,
    );
  };

  return {
    quote,
    create,
    get,
    paymentOrder,
    expireUnpaidOnline,
    listForCustomer,
    listForProvider,
    confirm,
    start,
    complete,
    cancel: (
      caller: AuthenticatedUser,
      id: string,
      reason?: string,
      options?: Within<BookingChange>,
    ) => cancelAs('cancel', caller, id, reason, options),
    withdraw: (caller: AuthenticatedUser, id: string) => cancelAs('withdraw', caller, id),
    reschedule,
    setStatusAsProvider,
  };
};

export type BookingsService = ReturnType<typeof createBookingsService>;
