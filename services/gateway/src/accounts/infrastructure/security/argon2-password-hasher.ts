import { Injectable } from '@nestjs/common';
import * as argon2 from 'argon2';
import { PasswordHasher } from '../../domain/password-hasher';

/**
 * argon2id (the `argon2` package, libargon2 bound natively), with the memory cost the
 * deployment sets (PASSWORD_HASH_MEMORY_KIB) and the library's other defaults (3 passes,
 * parallelism 4, 16-byte salt). The hash string carries its parameters, so raising the cost
 * later still verifies older hashes.
 */
@Injectable()
export class Argon2PasswordHasher extends PasswordHasher {
  constructor(private readonly memoryCostKib: number) {
    super();
  }

  hash(password: string): Promise<string> {
    return argon2.hash(password, { type: argon2.argon2id, memoryCost: this.memoryCostKib });
  }

  async verify(hash: string, password: string): Promise<boolean> {
    try {
      return await argon2.verify(hash, password);
    } catch {
      return false;
    }
  }
}
