import * as grpcNs from '@grpc/grpc-js';
import * as sharedNs from '@eventstore/db-client/generated/shared_pb';
import * as featuresGrpcNs from '@eventstore/db-client/generated/serverfeatures_grpc_pb';
import * as featuresNs from '@eventstore/db-client/generated/serverfeatures_pb';
import * as streamsGrpcNs from '@eventstore/db-client/generated/streams_grpc_pb';
import * as streamsNs from '@eventstore/db-client/generated/streams_pb';
import * as uuidNs from '@eventstore/db-client/dist/utils/grpcUUID';
import {
  type EsdbModel,
  type ModelExpected,
  type ModelFilter,
  type ModelPosition,
  type ModelRecord,
  SubscriptionDropped,
} from './esdb-model';

// Generated protobuf modules assign their exports at run time; Jest's ESM loader only sees them on `default`.
const cjs = <T>(ns: T): T => ((ns as { default?: T }).default ?? ns) as T;
const grpc = cjs(grpcNs);
const shared = cjs(sharedNs);
const streamsPb = cjs(streamsNs);
const streamsGrpc = cjs(streamsGrpcNs);
const featuresPb = cjs(featuresNs);
const featuresGrpc = cjs(featuresGrpcNs);
const { createUUID, parseUUID } = cjs(uuidNs);

type ReadReq = streamsNs.ReadReq;
type ReadResp = streamsNs.ReadResp;
type AppendReq = streamsNs.AppendReq;
type AppendResp = streamsNs.AppendResp;

/**
 * A TRANSPORT stand-in, not a model of server semantics: a gRPC server on loopback that speaks the
 * parts of EventStoreDB's streams.proto and serverfeatures.proto our adapter uses, so the real
 * `@eventstore/db-client` talks real HTTP/2 to it (flow control, cancellation, the 100-stream cap,
 * status codes, metadata-borne errors). What it answers comes from `EsdbModel`; whatever passes over
 * it is only as true to the server as that model, which no running server has checked.
 * It advertises no BatchAppend, so the client appends with the unary Append call.
 */
export class EsdbStandIn {
  private constructor(
    readonly model: EsdbModel,
    private readonly server: grpcNs.Server,
    readonly port: number,
  ) {}

  get connectionString(): string {
    return `esdb://127.0.0.1:${this.port}?tls=false`;
  }

  static async start(model: EsdbModel, options: { maxConcurrentStreams?: number } = {}): Promise<EsdbStandIn> {
    const server = new grpc.Server({ 'grpc.max_concurrent_streams': options.maxConcurrentStreams ?? 100 });
    server.addService(streamsGrpc.StreamsService, {
      read: (call: grpcNs.ServerWritableStream<ReadReq, ReadResp>) => void serveRead(model, call),
      append: (call: grpcNs.ServerReadableStream<AppendReq, AppendResp>, done: grpcNs.sendUnaryData<AppendResp>) =>
        serveAppend(model, call, done),
      batchAppend: unimplemented,
      delete: unimplemented,
      tombstone: unimplemented,
    } as never);
    server.addService(featuresGrpc.ServerFeaturesService, {
      getSupportedMethods: (_call: unknown, done: grpcNs.sendUnaryData<featuresNs.SupportedMethods>) =>
        done(null, supportedMethods(model)),
    });
    const port = await new Promise<number>((resolve, reject) =>
      server.bindAsync('127.0.0.1:0', grpc.ServerCredentials.createInsecure(), (error, bound) =>
        error ? reject(error) : resolve(bound),
      ),
    );
    return new EsdbStandIn(model, server, port);
  }

  async stop(): Promise<void> {
    this.server.forceShutdown();
  }
}

const unimplemented = (_call: unknown, done?: (error: object) => void) =>
  done?.({ code: grpc.status.UNIMPLEMENTED, details: 'not in the stand-in' });

const supportedMethods = (model: EsdbModel): featuresNs.SupportedMethods => {
  const methods = ['read', 'append'].map((name) => {
    const m = new featuresPb.SupportedMethod();
    m.setServiceName('event_store.client.streams.Streams');
    m.setMethodName(name);
    return m;
  });
  const reply = new featuresPb.SupportedMethods();
  reply.setEventStoreServerVersion(model.version);
  reply.setMethodsList(methods);
  return reply;
};

const text = (value: Uint8Array | string): string =>
  typeof value === 'string' ? value : Buffer.from(value).toString('utf8');

const write = (call: grpcNs.ServerWritableStream<ReadReq, ReadResp>, message: ReadResp): Promise<void> =>
  call.write(message) ? Promise.resolve() : new Promise((resolve) => call.once('drain', resolve));

const recordedEvent = (r: ModelRecord): ReadResp => {
  const e = new streamsPb.ReadResp.ReadEvent.RecordedEvent();
  e.setId(createUUID(r.id));
  const id = new shared.StreamIdentifier();
  id.setStreamName(Buffer.from(r.stream, 'utf8'));
  e.setStreamIdentifier(id);
  e.setStreamRevision(r.revision.toString());
  e.setPreparePosition(r.position.toString());
  e.setCommitPosition(r.position.toString());
  const meta = e.getMetadataMap();
  meta.set('type', r.type);
  meta.set('content-type', r.json ? 'application/json' : 'application/octet-stream');
  meta.set('created', (BigInt(r.created.getTime()) * 10_000n).toString());
  e.setCustomMetadata(r.metadata);
  e.setData(r.data);
  const read = new streamsPb.ReadResp.ReadEvent();
  read.setEvent(e);
  read.setCommitPosition(r.position.toString());
  const resp = new streamsPb.ReadResp();
  resp.setEvent(read);
  return resp;
};

const checkpoint = (p: ModelPosition): ReadResp => {
  const c = new streamsPb.ReadResp.Checkpoint();
  c.setCommitPosition(p.commit.toString());
  c.setPreparePosition(p.prepare.toString());
  const resp = new streamsPb.ReadResp();
  resp.setCheckpoint(c);
  return resp;
};

const positionOf = (p: streamsNs.ReadReq.Options.Position | undefined): ModelPosition => ({
  commit: BigInt(p?.getCommitPosition() ?? '0'),
  prepare: BigInt(p?.getPreparePosition() ?? '0'),
});

const filterOf = (options: streamsNs.ReadReq.Options): ModelFilter | undefined => {
  if (!options.hasFilter()) return undefined;
  const f = options.getFilter()!;
  const expression = f.hasStreamIdentifier() ? f.getStreamIdentifier()! : f.getEventType()!;
  return {
    on: f.hasStreamIdentifier() ? 'stream' : 'type',
    regex: expression.getRegex() || undefined,
    prefixes: expression.getPrefixList(),
    maxSearchWindow: f.hasMax() ? f.getMax() : 32,
    checkpointIntervalMultiplier: f.getCheckpointintervalmultiplier() || 1,
  };
};

async function serveRead(model: EsdbModel, call: grpcNs.ServerWritableStream<ReadReq, ReadResp>): Promise<void> {
  model.openCalls++;
  const abort = new AbortController();
  let finished = false;
  const finish = () => {
    if (finished) return;
    finished = true;
    model.openCalls--;
    abort.abort();
  };
  call.on('cancelled', finish);
  call.on('close', finish);
  try {
    const options = call.request.getOptions()!;
    const backwards = options.getReadDirection() === streamsPb.ReadReq.Options.ReadDirection.BACKWARDS;
    if (options.hasSubscription()) {
      const all = options.getAll()!;
      const from = all.hasStart() ? 'start' : all.hasEnd() ? 'end' : positionOf(all.getPosition());
      for await (const m of model.subscribeToAll(from, filterOf(options), abort.signal)) {
        if (m.kind === 'confirmation') {
          const c = new streamsPb.ReadResp.SubscriptionConfirmation();
          c.setSubscriptionId(m.id);
          const resp = new streamsPb.ReadResp();
          resp.setConfirmation(c);
          await write(call, resp);
        } else if (m.kind === 'event') {
          model.recordsSent++;
          await write(call, recordedEvent(m.record));
        } else if (m.kind === 'checkpoint') await write(call, checkpoint(m.position));
        else {
          const resp = new streamsPb.ReadResp();
          resp.setCaughtUp(new streamsPb.ReadResp.CaughtUp());
          await write(call, resp);
        }
        if (finished) return;
      }
      return;
    }
    const count = Number(options.getCount() || Number.MAX_SAFE_INTEGER);
    let records: ModelRecord[] | 'not-found';
    if (options.hasStream()) {
      const s = options.getStream()!;
      const name = text(s.getStreamIdentifier()!.getStreamName());
      const from = s.hasStart() ? 'start' : s.hasEnd() ? 'end' : BigInt(s.getRevision());
      records = model.readStream(name, from, backwards, count);
      if (records === 'not-found') {
        const nf = new streamsPb.ReadResp.StreamNotFound();
        nf.setStreamIdentifier(s.getStreamIdentifier());
        const resp = new streamsPb.ReadResp();
        resp.setStreamNotFound(nf);
        await write(call, resp);
        records = [];
      }
    } else {
      const all = options.getAll()!;
      records = model.readAll(
        all.hasStart() ? 'start' : all.hasEnd() ? 'end' : positionOf(all.getPosition()),
        backwards,
        count,
      );
    }
    for (const r of records) {
      if (finished) return;
      model.recordsSent++;
      await write(call, recordedEvent(r));
    }
  } catch (error) {
    if (error instanceof SubscriptionDropped) {
      call.emit('error', { code: error.code, details: error.details });
      return;
    }
    call.emit('error', { code: grpc.status.INTERNAL, details: String(error) });
    return;
  } finally {
    if (!finished) call.end();
  }
}

const expectedOf = (options: streamsNs.AppendReq.Options): ModelExpected =>
  options.hasRevision()
    ? BigInt(options.getRevision())
    : options.hasNoStream()
      ? 'no_stream'
      : options.hasStreamExists()
        ? 'stream_exists'
        : 'any';

function serveAppend(
  model: EsdbModel,
  call: grpcNs.ServerReadableStream<AppendReq, AppendResp>,
  done: grpcNs.sendUnaryData<AppendResp>,
): void {
  model.openCalls++;
  let options: streamsNs.AppendReq.Options | undefined;
  const proposed: { id: string; type: string; json: boolean; data: Uint8Array; metadata: Uint8Array }[] = [];
  call.on('data', (req: AppendReq) => {
    if (req.hasOptions()) options = req.getOptions();
    else if (req.hasProposedMessage()) {
      const m = req.getProposedMessage()!;
      const meta = m.getMetadataMap();
      proposed.push({
        id: parseUUID(m.getId()!),
        type: meta.get('type') ?? '',
        json: meta.get('content-type') === 'application/json',
        data: m.getData_asU8(),
        metadata: m.getCustomMetadata_asU8(),
      });
    }
  });
  call.on('end', () => {
    model.openCalls--;
    const name = text(options!.getStreamIdentifier()!.getStreamName());
    const outcome = model.append(name, expectedOf(options!), proposed);
    if (outcome.kind === 'too-large') {
      const metadata = new grpc.Metadata();
      metadata.set('exception', 'maximum-append-size-exceeded');
      metadata.set('maximum-append-size', String(outcome.maxAppendSize));
      done({
        code: grpc.status.INVALID_ARGUMENT,
        details: `Maximum Append Size of ${outcome.maxAppendSize} Exceeded.`,
        metadata,
      });
      return;
    }
    const resp = new streamsPb.AppendResp();
    if (outcome.kind === 'wrong-expected-version') {
      const w = new streamsPb.AppendResp.WrongExpectedVersion();
      if (outcome.current === 'no_stream') w.setCurrentNoStream(new shared.Empty());
      else w.setCurrentRevision(outcome.current.toString());
      const e = outcome.expected;
      if (typeof e === 'bigint') w.setExpectedRevision(e.toString());
      else if (e === 'no_stream') w.setExpectedNoStream(new shared.Empty());
      else if (e === 'stream_exists') w.setExpectedStreamExists(new shared.Empty());
      else w.setExpectedAny(new shared.Empty());
      resp.setWrongExpectedVersion(w);
    } else {
      const s = new streamsPb.AppendResp.Success();
      s.setCurrentRevision(outcome.revision.toString());
      const p = new streamsPb.AppendResp.Position();
      p.setCommitPosition(outcome.position.toString());
      p.setPreparePosition(outcome.position.toString());
      s.setPosition(p);
      resp.setSuccess(s);
    }
    done(null, resp);
  });
}
