import type { SeedContext } from '../../../core/module';

export async function seedReferenceReserves(_ctx: SeedContext): Promise<void> {}
export async function seedDemoReserves(_ctx: SeedContext): Promise<void> {}
