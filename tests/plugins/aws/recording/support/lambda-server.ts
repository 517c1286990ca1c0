import { SSMClient } from '@aws-sdk/client-ssm';
import { type CannedRequest, type CannedResponse, CannedServer } from './canned-server';

const ANSWERS: Readonly<Record<string, unknown>> = {
  'AmazonSSM.GetParameter': {
    Parameter: { Name: '/app/name', Type: 'String', Value: 'real-name', Version: 7 },
  },
  'AmazonSSM.PutParameter': { Version: 1, Tier: 'Standard' },
};

/** A canned SSM: `GetParameter` and `PutParameter` answered, anything else a 400. */
export function ssmServer(): CannedServer {
  return new CannedServer((request: CannedRequest): CannedResponse | undefined => {
    const answer = request.target === undefined ? undefined : ANSWERS[request.target];
    return answer === undefined
      ? undefined
      : { contentType: 'application/x-amz-json-1.1', body: JSON.stringify(answer) };
  });
}

export function ssmClient(endpoint: string): SSMClient {
  return new SSMClient({
    endpoint,
    region: 'us-east-1',
    credentials: { accessKeyId: 'AKID', secretAccessKey: 'x' },
  });
}
