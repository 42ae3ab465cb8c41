import type { AwsClientConfig } from '../config/aws-client-config.js';

/** Where a port group's SDK clients connect: region and endpoint, and DynamoDB's own endpoint (DynamoDB Local). */
export type GroupClients = AwsClientConfig & { readonly dynamoDbEndpoint?: string | undefined };

/** The settings of one SDK client of a group: the region and the endpoint that are set, nothing for the rest. */
export function clientSettings(clients: GroupClients, service: 'dynamodb' | 'other' = 'other'): { region?: string; endpoint?: string } {
  const endpoint = service === 'dynamodb' ? (clients.dynamoDbEndpoint ?? clients.endpoint) : clients.endpoint;
  return { ...(clients.region === undefined ? {} : { region: clients.region }), ...(endpoint === undefined ? {} : { endpoint }) };
}
