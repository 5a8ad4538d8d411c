import { ApiProperty } from '@nestjs/swagger';
import { IsInt, IsString, Length, Matches, Max, Min } from 'class-validator';
import { NotBlank } from '../shared/validation';

export class RegisterWitnessRequestDto {
  @ApiProperty({ example: 'witness.mediator-tr.example' })
  @Matches(/^[A-Za-z0-9.-]+(\/[A-Za-z0-9._~-]+)*$/, { message: 'name must look like example.org/witness' })
  name: string;
  @ApiProperty({
    description: 'C2SP tlog-cosignature verifier key: <name>+<key ID>+<base64(0x04 ‖ Ed25519 public key)>',
  })
  @IsString()
  @Length(1, 400)
  @NotBlank()
  key: string;
  @ApiProperty({ example: 'TR', description: 'The mediator or party that runs it.' })
  @Matches(/^[A-Z]{2,8}$/, { message: 'operator must be an upper-case code' })
  operator: string;
}

export class CosignatureRequestDto {
  @ApiProperty({ description: 'Size of the checkpoint cosigned.' })
  @IsInt()
  @Min(1)
  @Max(Number.MAX_SAFE_INTEGER)
  size: number;
  @ApiProperty({ description: 'The cosignature line, "— <name> <base64>".' })
  @IsString()
  @Length(1, 1000)
  @NotBlank()
  line: string;
}
