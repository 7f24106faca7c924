import { z } from 'zod';

/**
 * Rings and sectors are data. A deployment may configure other sets; every entry's `ring` and
 * `sector` must be one of the configured keys. Labels are Dutch because they are shown as-is.
 */
export const circleLayoutSchema = z
  .object({
    rings: z
      .array(
        z.object({
          ring: z.number().int().min(1).max(9),
          key: z.string().regex(/^[A-Z][A-Z0-9_]*$/),
          label: z.string().min(1).max(40),
          description: z.string().max(120),
        }),
      )
      .min(2)
      .max(9),
    sectors: z
      .array(
        z.object({
          key: z.string().regex(/^[A-Z][A-Z0-9_]*$/),
          label: z.string().min(1).max(40),
          description: z.string().max(120),
        }),
      )
      .min(1)
      .max(8),
  })
  .superRefine((layout, ctx) => {
    const rings = layout.rings.map((r) => r.ring);
    rings.forEach((ring, index) => {
      if (ring !== index + 1)
        ctx.addIssue({
          code: 'custom',
          path: ['rings', index, 'ring'],
          message: 'rings are numbered 1, 2, 3, ... from the centre',
        });
    });
    const keys = layout.sectors.map((s) => s.key);
    if (new Set(keys).size !== keys.length)
      ctx.addIssue({ code: 'custom', path: ['sectors'], message: 'sector keys must be unique' });
  });

export type CircleLayout = z.infer<typeof circleLayoutSchema>;

/** The netwerkcirkel van Lensink: 4 rings × 4 sectors. */
export const LENSINK_LAYOUT: CircleLayout = {
  rings: [
    { ring: 1, key: 'INTIMATE', label: 'Heel dichtbij', description: 'Mensen die heel belangrijk voor je zijn.' },
    { ring: 2, key: 'CLOSE', label: 'Dichtbij', description: 'Vrienden en mensen die je vaak ziet.' },
    { ring: 3, key: 'ACQUAINTANCES', label: 'Bekenden', description: 'Mensen die je kent, maar minder vaak ziet.' },
    { ring: 4, key: 'SERVICES', label: 'Diensten', description: 'Hulp en zorg die je krijgt, vaak betaald.' },
  ],
  sectors: [
    { key: 'FAMILY', label: 'Familie', description: 'Ouders, broers, zussen, kinderen en andere familie.' },
    { key: 'FRIENDS_NEIGHBOURS', label: 'Vrienden en buren', description: 'Vrienden, buren en mensen uit de wijk.' },
    { key: 'FELLOW_CLIENTS', label: 'Lotgenoten', description: 'Medecliënten en mensen die hetzelfde meemaken.' },
    { key: 'PROFESSIONALS', label: 'Hulpverleners', description: 'Begeleiders, de huisarts en andere hulp.' },
  ],
};
