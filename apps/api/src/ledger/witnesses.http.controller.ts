import { CommandBus } from '@nestjs/cqrs';
import { CreatedResource } from '../http/created-location';
import {
  Body,
  Controller,
  HttpCode,
  Inject,
  NotFoundException,
  Post,
  UnprocessableEntityException,
} from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { parseCosignerKey, verifyCosignature } from '@ceasefire/ledger';
import { PROJECTION_RUNNER, type ProjectionRunner } from '@ceasefire/projections';
import { WriteWitness } from './write-witness.command';
import { Write, type WriteContext } from '../write-path/write-context';
import { CheckpointSigner } from './checkpoint-signer';
import { witnessKeyOf } from './witnesses.queries';
import { validationFailed } from '../http/validation-failed';
import { RegisterWitnessRequestDto, CosignatureRequestDto } from './witnesses.request.dto';
import { Replies } from '../http/contract/replies.decorator';
import { CosignatureAdded, WitnessRegistered } from './witnesses.response.schema';

@ApiTags('ledger')
@ApiBearerAuth()
@Controller('v1/ledger')
export class WitnessesHttpController {
  constructor(
    private readonly commands: CommandBus,
    @Inject(PROJECTION_RUNNER) private readonly runner: ProjectionRunner,
    private readonly checkpoints: CheckpointSigner,
  ) {}

  @Post('witnesses')
  @HttpCode(201)
  @Replies.created(WitnessRegistered, 'The witness, registered.', { writePath: true })
  @ApiOperation({
    operationId: 'registerWitness',
    summary: "Register a witness's cosigner key (admin); the registration is an event in the log.",
  })
  async register(@Body() b: RegisterWitnessRequestDto, @Write() c: WriteContext) {
    let key;
    try {
      key = parseCosignerKey(b.key);
    } catch (error) {
      throw validationFailed([{ field: 'key', message: `key is not a cosigner key: ${(error as Error).message}` }]);
    }
    if (key.name !== b.name)
      throw validationFailed([{ field: 'key', message: `key names ${key.name}, not ${b.name}` }]);
    const result = await this.commands.execute(
      new WriteWitness({
        name: b.name,
        input: { type: 'RegisterWitness', key: b.key.trim(), operator: b.operator },
        context: c,
      }),
    );
    if (result.position) await this.runner.waitFor(result.position, { projections: ['witnesses'] });
    return { name: b.name, revision: result.revision, position: result.position, events: result.events };
  }

  /** Any authenticated caller may deliver a cosignature; it counts only if it verifies under a registered witness key. */
  @Post('cosignatures')
  @HttpCode(201)
  @CreatedResource((b) => `/v1/ledger/checkpoints/${b.size}`)
  @Replies.created(CosignatureAdded, 'The cosignature, added to the checkpoint.', { errors: [404] })
  @ApiOperation({
    operationId: 'addCosignature',
    summary: 'Add a witness cosignature (C2SP tlog-cosignature) to a signed checkpoint.',
  })
  cosign(@Body() b: CosignatureRequestDto) {
    const checkpoint = this.checkpoints.bySize(b.size);
    if (!checkpoint) throw new NotFoundException(`no checkpoint of size ${b.size} was signed`);
    const name = /^\u2014 (\S+) /.exec(b.line)?.[1];
    const key = name ? witnessKeyOf(this.runner, name) : undefined;
    if (!key) throw new NotFoundException(`no registered witness ${name ?? '(unnamed line)'}`);
    const body = checkpoint.note.slice(0, checkpoint.note.lastIndexOf('\n\n') + 1);
    const timestamp = verifyCosignature(b.line, body, parseCosignerKey(key));
    if (timestamp === undefined)
      throw new UnprocessableEntityException(
        `line: not a valid cosignature by ${name} of the checkpoint of size ${b.size}`,
      );
    this.checkpoints.addCosignature(b.size, name as string, `${b.line.trimEnd()}\n`, timestamp);
    return { size: b.size, witness: name, timestamp };
  }
}
