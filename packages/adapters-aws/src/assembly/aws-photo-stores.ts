import { DescribeTableCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { HeadBucketCommand } from '@aws-sdk/client-s3';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { ObjectStorageToken, PhotoCatalogToken, UploadUrlSignerToken, ViewUrlSignerToken } from '@hdoc/domain';
import { ContainerModule } from 'inversify';
import { DynamoDbPhotoCatalog, TRANSACTION_ITEM_LIMITS } from '../dynamodb/photos/dynamodb-photo-catalog.js';
import { createS3Client } from '../s3/s3-client.js';
import { S3ObjectStorage } from '../s3/s3-object-storage.js';
import { S3UploadUrlSigner } from '../s3/s3-upload-url-signer.js';
import { S3ViewUrlSigner } from '../s3/s3-view-url-signer.js';
import type { StoreInstrumentation } from '../instrumentation/store-instrumentation.js';
import { clientSettings, type GroupClients } from './group-clients.js';
import type { OpenedStores } from './opened-stores.js';

/** Where the photo group lives. */
export interface AwsPhotoStoresOptions {
  /** Region and endpoint (moto_server / DynamoDB Local locally) of the clients. */
  readonly clients: GroupClients;
  /** The photos table (`PHOTOS_TABLE`). */
  readonly tableName: string;
  /** The image bucket (`PHOTOS_BUCKET`). */
  readonly bucket: string;
  /** Observers of the clients created here (none in production). */
  readonly instrumentation?: StoreInstrumentation | undefined;
}

/**
 * Opens the photo group on AWS: the catalog on DynamoDB, the objects, upload forms and view URLs on
 * S3. The SDK clients connect per request, so nothing has to be up at start; `dynamodb` and `s3` probe
 * the table and the bucket for readiness. Storage events do not pass through here: the bucket notifies
 * the photo-events queue, which the worker consumes.
 */
export function openAwsPhotoStores(options: AwsPhotoStoresOptions): OpenedStores {
  const dynamoDb = new DynamoDBClient(clientSettings(options.clients, 'dynamodb'));
  const documents = DynamoDBDocumentClient.from(dynamoDb);
  const s3 = createS3Client(clientSettings(options.clients));
  options.instrumentation?.onAwsClient?.(dynamoDb);
  options.instrumentation?.onAwsClient?.(s3);
  const { bucket, tableName } = options;
  // An endpoint of DynamoDB's own is an emulator (DynamoDB Local): its lower cap is only slower on AWS, AWS's breaks it.
  const emulated = clientSettings(options.clients, 'dynamodb').endpoint !== undefined;
  const maxTransactionItems = emulated ? TRANSACTION_ITEM_LIMITS.dynamoDbLocal : TRANSACTION_ITEM_LIMITS.aws;
  const module = new ContainerModule(({ bind }) => {
    bind(PhotoCatalogToken).toConstantValue(new DynamoDbPhotoCatalog({ client: documents, tableName, maxTransactionItems }));
    bind(ObjectStorageToken).toConstantValue(new S3ObjectStorage({ client: s3, bucket }));
    bind(UploadUrlSignerToken).toConstantValue(new S3UploadUrlSigner({ client: s3, bucket }));
    bind(ViewUrlSignerToken).toConstantValue(new S3ViewUrlSigner({ client: s3, bucket }));
  });
  return {
    module,
    probes: [
      { name: 'dynamodb', check: async () => void (await dynamoDb.send(new DescribeTableCommand({ TableName: tableName }))) },
      { name: 's3', check: async () => void (await s3.send(new HeadBucketCommand({ Bucket: bucket }))) },
    ],
    close: async () => {
      dynamoDb.destroy();
      s3.destroy();
    },
  };
}
