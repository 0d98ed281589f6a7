import { randomUUID } from 'node:crypto';
import type {
  TPortfolioItem,
  TProviderDocument,
  ZDocumentType,
} from '@localkart/contracts/providers';
import type { z } from 'zod';
import type { Config } from '../../config';
import type { Db } from '../../db/client';
import { AppError, ErrorCode } from '../../platform/errors';
import type { Logger } from '../../platform/logger';
import type { PrivateStorage, Storage } from '../../platform/storage/storage';
import type { AuthenticatedUser } from '../auth/auth.guard';
import { assertCanAccess } from '../auth/ownership';
import { createQuotaStorage } from '../../platform/storage/quota-storage';
import { deleteStoredFiles } from '../../platform/storage/stored-files.repo';
import { IMAGE_TYPES, sniffContentType } from '../../platform/uploads/content-type';
import { renderWebp } from '../../platform/uploads/image-processing';
import {
  countPortfolio,
  deletePortfolioItem,
  findDocumentFile,
  insertDocument,
  insertPortfolioItem,
  listDocuments,
} from './provider-media.repo';
import { portfolioObjectKeys, toDocument, toPortfolioItem } from './provider-views';
import type { ProvidersService } from './providers.service';

export const PORTFOLIO_UPLOAD = {
  field: 'image',
  maxBytes: 8 * 1024 * 1024,
  fields: ['description'],
} as const;
export const DOCUMENT_UPLOAD = {
  field: 'file',
  maxBytes: 10 * 1024 * 1024,
  fields: ['type'],
} as const;

const MAX_PIXELS = 40_000_000;
const MAX_PORTFOLIO_ITEMS = 30;
const WEBP = 'image/webp';
const PDF = 'application/pdf';
const DOCUMENT_TYPES = [...IMAGE_TYPES, PDF] as const;

/** A document's bytes as the download route sends them. */
export type DocumentFile = { body: Buffer; contentType: string; filename: string };

const EXTENSIONS: Record<string, string> = { [PDF]: 'pdf', [WEBP]: 'webp' };

/**
 * Portfolio images and verification documents: checked by content, images re-encoded (metadata
 * gone), stored under server-made keys, counted against the owner's quota. Nothing is left in
 * storage when a step fails. Documents go to the private storage and are read only through
 * `documentFile`, by their owner or an admin.
 */
export const createProviderMediaService = ({
  db,
  storage,
  privateStorage,
  logger,
  config,
  providers,
}: {
  db: Db;
  storage: Storage;
  privateStorage: PrivateStorage;
  logger: Logger;
  config: Pick<Config, 'UPLOAD_QUOTA_MB'>;
  providers: Pick<ProvidersService, 'providerOf'>;
}) => {
  const { storeObjects, deleteObjects } = createQuotaStorage({ db, logger, config });

  const addPortfolioItem = async (
    userId: string,
    upload: Buffer,
    description: string,
  ): Promise<TPortfolioItem> => {
    const provider = await providers.providerOf(userId);
    if ((await countPortfolio(db, provider.id)) >= MAX_PORTFOLIO_ITEMS) {
      throw new AppError(
        ErrorCode.CONFLICT,
        `A portfolio holds at most ${MAX_PORTFOLIO_ITEMS} images; remove one first`,
      );
    }
    const type = await sniffContentType(upload, IMAGE_TYPES);
    const [large, thumbnail] = await renderWebp(upload, type, [1280, 320], {
      maxPixels: MAX_PIXELS,
      fit: 'inside',
    });
    const imageKey = `portfolio/${provider.id}/${randomUUID()}`;
    const keys = portfolioObjectKeys(imageKey);
    const row = await storeObjects({
      store: storage,
      userId,
      purpose: 'portfolio',
      objects: [
        { key: keys.large, body: large!, contentType: WEBP },
        { key: keys.thumbnail, body: thumbnail!, contentType: WEBP },
      ],
      record: (tx) => insertPortfolioItem(tx, { providerId: provider.id, imageKey, description }),
    });
    return toPortfolioItem(row, storage);
  };

  const removePortfolioItem = async (userId: string, itemId: string) => {
    const provider = await providers.providerOf(userId);
    const row = await deletePortfolioItem(db, provider.id, itemId);
    if (!row) throw new AppError(ErrorCode.NOT_FOUND, 'Portfolio item not found');
    const deleted = await deleteObjects(storage, Object.values(portfolioObjectKeys(row.imageKey)));
    await deleteStoredFiles(db, userId, deleted);
  };

  const addDocument = async (
    userId: string,
    upload: Buffer,
    type: z.infer<typeof ZDocumentType>,
  ): Promise<TProviderDocument> => {
    const provider = await providers.providerOf(userId);
    const contentType = await sniffContentType(upload, DOCUMENT_TYPES);
    // PDFs are kept as sent (never rendered by us); images lose their metadata.
    const body =
      contentType === PDF
        ? upload
        : (
            await renderWebp(upload, contentType, [2400], {
              maxPixels: MAX_PIXELS,
              fit: 'inside',
            })
          )[0]!;
    const storedType = contentType === PDF ? PDF : WEBP;
    const key = `documents/${provider.id}/${randomUUID()}.${contentType === PDF ? 'pdf' : 'webp'}`;
    const row = await storeObjects({
      store: privateStorage,
      userId,
      purpose: 'provider_document',
      objects: [{ key, body, contentType: storedType }],
      record: (tx) =>
        insertDocument(tx, {
          providerId: provider.id,
          type,
          storageKey: key,
          contentType: storedType,
          originalBytes: upload.length,
        }),
    });
    return toDocument(row);
  };

  const listOwnDocuments = async (userId: string): Promise<TProviderDocument[]> => {
    const provider = await providers.providerOf(userId);
    return (await listDocuments(db, provider.id)).map(toDocument);
  };

  /** The document's file for its owner or an admin; anyone else gets 404, as for an unknown id. */
  const documentFile = async (
    caller: AuthenticatedUser,
    documentId: string,
  ): Promise<DocumentFile> => {
    const document = await findDocumentFile(db, documentId);
    if (!document) throw new AppError(ErrorCode.NOT_FOUND, 'Document not found');
    assertCanAccess(caller, [document.ownerUserId], 'Document not found');
    const object = await privateStorage.get(document.storageKey);
    if (!object) {
      logger.error({ documentId, key: document.storageKey }, 'a document’s file is missing');
      throw new AppError(ErrorCode.NOT_FOUND, 'Document not found');
    }
    const contentType = object.contentType ?? 'application/octet-stream';
    const extension = EXTENSIONS[contentType] ?? 'bin';
    return {
      body: object.body,
      contentType,
      filename: `${document.type}-${document.id}.${extension}`,
    };
  };

  return { addPortfolioItem, removePortfolioItem, addDocument, listOwnDocuments, documentFile };
};

export type ProviderMediaService = ReturnType<typeof createProviderMediaService>;
