/** A product the demo shop sells. The emulator prices carts from it and the shop page shows it. */
export interface CatalogProduct {
  /** The variant id sent as `add_to_cart_ref.variant_id`, and the SKU in v1 paths. */
  id: string;
  name: string;
  /** Price in US cents, so totals add up without floating-point drift. */
  priceCents: number;
  description: string;
  /** Stands in for a product photo, so the demo needs no image files. */
  emoji: string;
  /** Background of the picture tile; light enough for dark text on top. */
  color: string;
}

/**
 * The one product list shared by the emulator and the demo storefront, so the page can never offer
 * something the cart would reject.
 */
export const catalog: readonly CatalogProduct[] = [
  {
    id: 'luma-mug-aurora',
    name: 'Aurora Ceramic Mug',
    priceCents: 2200,
    description: 'Hand-glazed stoneware that shifts from teal to violet, 350 ml.',
    emoji: '☕',
    color: '#dff3f0',
  },
  {
    id: 'luma-candle-fig',
    name: 'Fig & Cedar Candle',
    priceCents: 2800,
    description: 'Soy wax in a reusable amber jar; about 45 hours of warm glow.',
    emoji: '🕯️',
    color: '#fbeedd',
  },
  {
    id: 'luma-notebook-linen',
    name: 'Linen Notebook',
    priceCents: 1650,
    description: 'A5, 160 dotted pages, lay-flat binding and a linen cover.',
    emoji: '📓',
    color: '#e8ecf7',
  },
  {
    id: 'luma-tea-sampler',
    name: 'Loose-Leaf Tea Sampler',
    priceCents: 3400,
    description: 'Six small-batch teas, from smoky lapsang to bright sencha.',
    emoji: '🍵',
    color: '#e6f2de',
  },
  {
    id: 'luma-plant-pothos',
    name: 'Potted Golden Pothos',
    priceCents: 1900,
    description: 'An easy-going trailing plant in a speckled terracotta pot.',
    emoji: '🪴',
    color: '#f4f0dc',
  },
  {
    id: 'luma-socks-merino',
    name: 'Merino Wool Socks',
    priceCents: 1400,
    description: 'Soft, breathable and warm; one size fits most.',
    emoji: '🧦',
    color: '#f6e3ea',
  },
];
