// Must NOT compile: each marked line is one error the matrix expects, so that a run where the typed forms
// silently became `any` (or stopped resolving) fails instead of passing.
import { GetObjectCommand } from '@aws-sdk/client-s3';
import { StrictVerifier } from 'ts-tripwire';

declare module 'ts-tripwire' {
  interface AwsServices {
    s3: typeof import('@aws-sdk/client-s3');
  }
}

const aws = new StrictVerifier().aws;
aws.mockCall(GetObjectCommand, { returns: { Contents: [] } }); // error: Contents
aws.mockCall('s3', 'GetObject', { returns: { ContentLength: 'four' } }); // error: ContentLength
aws.assertAwsCall(GetObjectCommand, { params: { Bucket: 'b', Kee: 'k' } }); // error: Kee
