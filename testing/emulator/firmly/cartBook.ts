import { randomUUID } from 'node:crypto';
import { type CatalogProduct, catalog } from '../catalog.js';
import { type Money, money } from '../money.js';
import { FirmlyApiError } from './FirmlyApiError.js';
import { type ShippingRates, shippingCountry } from './shippingCountries.js';

/** One line of a cart, as the API answers it. */
export interface CartLineItem {
  line_item_id: string;
  sku: string;
  quantity: number;
  description: string;
  price: Money;
  line_price: Money;
  /** The option handles the client sent with the line (from Firmly's own client); `[]` when none. */
  variant_handles: string[];
}

/** Where the order ships; `country` is stored as ISO 3166-1 alpha-2, other fields as sent. */
export type ShippingInfo = { country: string } & Record<string, string>;

/** A way to ship, as Firmly's own client reads `shipping_method_options`. */
export interface ShippingMethod {
  sku: string;
  description: string;
  price: Money;
  estimated_delivery: string;
}

/** How a shop (a domain) presents itself in its carts. */
export interface ShopProfile {
  /** The store's name, shown as `display_name`. */
  displayName: string;
  /** The commerce platform behind the shop, shown as `platform_id`. */
  platformId: string;
}

/**
 * A cart in the API's shape. Beyond the documented fields: `shop_id`, `platform_id`,
 * `shipping_method`, `shipping_method_options` and `line_items[].variant_handles` come from
 * Firmly's own client; `promo_codes` and `discount_total` show why an accepted code changed the
 * total; `urls.thank_you_page` is set once the order is complete (Firmly's client redirects there).
 */
export interface Cart {
  cart_id: string;
  /** The shop the cart belongs to: its domain. */
  shop_id: string;
  platform_id: string;
  /** The store's name. */
  display_name: string;
  line_items: CartLineItem[];
  sub_total: Money;
  discount_total: Money;
  shipping_total: Money;
  tax: Money;
  total: Money;
  shipping_info: ShippingInfo | null;
  /** The chosen way to ship; the cheapest once shipping info is set. */
  shipping_method: ShippingMethod | null;
  /** The ways to ship to the address given; empty until shipping info is set. */
  shipping_method_options: ShippingMethod[];
  promo_codes: string[];
  cart_status: 'active' | 'submitted';
  /** Set on a completed order. */
  order_id?: string;
  urls?: { thank_you_page: string };
}

/** Every cart of every device, kept in memory for the emulator's lifetime. */
export interface CartBook {
  /** @returns the device's cart for a domain, created empty on first sight */
  view(deviceId: string, domain: string): Cart;
  /** Adds to the line holding `variantId`, or opens one. @throws FirmlyApiError for an unknown variant */
  addVariant(
    deviceId: string,
    domain: string,
    variantId: string,
    quantity: number,
    variantHandles?: string[],
  ): Cart;
  /** Sets a line's quantity; 0 removes it. @throws FirmlyApiError for an unknown line */
  setLineQuantity(deviceId: string, domain: string, lineItemId: string, quantity: number): Cart;
  /** Sets the quantity of a SKU, opening a line if needed; 0 removes it (the v1 API's view). */
  setSkuQuantity(
    deviceId: string,
    domain: string,
    sku: string,
    quantity: number,
    variantHandles?: string[],
  ): Cart;
  /** Removes every line but keeps shipping and promo codes. */
  clear(deviceId: string, domain: string): Cart;
  /** Sets the address and picks the cheapest way to ship. @throws FirmlyApiError `ErrorCountryNotSupported` */
  setShippingInfo(deviceId: string, domain: string, info: ShippingInfo): Cart;
  /** Picks a way to ship. @throws FirmlyApiError `ErrorInvalidShippingMethod` */
  setShippingMethod(deviceId: string, domain: string, sku: string): Cart;
  /** Replaces the promo codes (`[]` removes them all). @throws FirmlyApiError `ErrorInvalidPromoCode` */
  setPromoCodes(deviceId: string, domain: string, codes: string[]): Cart;
  /**
   * Places the order and starts the device an empty cart for the domain.
   * @returns the order: the cart as submitted, with `order_id` and `urls.thank_you_page`
   * @throws FirmlyApiError `ErrorCartNotReady` for an empty cart or one without shipping info
   */
  completeOrder(deviceId: string, domain: string): Cart;
  /** @returns the consents last saved for the cart (`{}` before any) */
  consents(deviceId: string, domain: string): Record<string, unknown>;
  /** Saves consents as sent. @returns them */
  saveConsents(
    deviceId: string,
    domain: string,
    consents: Record<string, unknown>,
  ): Record<string, unknown>;
  /** @returns the device's carts that hold at least one line, leaving out the shops named */
  activeCarts(deviceId: string, excludes?: readonly string[]): Cart[];
}

interface StoredLine {
  id: string;
  product: CatalogProduct;
  quantity: number;
  variantHandles: string[];
}

interface StoredCart {
  id: string;
  deviceId: string;
  domain: string;
  lines: StoredLine[];
  shipping: { info: ShippingInfo; rates: ShippingRates } | null;
  methodSku: string | null;
  promoCodes: string[];
  consents: Record<string, unknown>;
}

const PROMO_PERCENT_OFF: Readonly<Record<string, number>> = { SAVE10: 10 };
const EXPRESS_SURCHARGE_CENTS = 1000;

function findProduct(id: string): CatalogProduct | undefined {
  return catalog.find((product) => product.id === id);
}

function shippingMethods(rates: ShippingRates): ShippingMethod[] {
  return [
    {
      sku: 'standard',
      description: 'Standard shipping',
      price: money(rates.shippingCents),
      estimated_delivery: '5-7 business days',
    },
    {
      sku: 'express',
      description: 'Express shipping',
      price: money(rates.shippingCents + EXPRESS_SURCHARGE_CENTS),
      estimated_delivery: '1-2 business days',
    },
  ];
}

/**
 * A store name for a domain nobody configured: its main label, capitalised
 * (`staging.luma.gift` → `Luma`), so `display_name` reads like a name and not a host.
 *
 * @param domain - the shop's domain
 * @returns a plausible store name
 */
function storeName(domain: string): string {
  const labels = domain.split('.');
  const main = labels.length > 1 ? (labels[labels.length - 2] ?? domain) : domain;
  return main.charAt(0).toUpperCase() + main.slice(1);
}

/**
 * Creates an empty cart book. Carts are keyed by device and domain, as Firmly keys them, so a
 * renewed token (same device) keeps its cart and a fresh device starts empty.
 *
 * @param shops - how named domains present themselves; others get a name from their domain
 * @returns a new, empty book
 */
export function createCartBook(
  shops: Readonly<Record<string, Partial<ShopProfile>>> = {},
): CartBook {
  const carts = new Map<string, StoredCart>();

  function toCart(stored: StoredCart): Cart {
    const subTotal = stored.lines.reduce((sum, l) => sum + l.product.priceCents * l.quantity, 0);
    const percentOff = stored.promoCodes.reduce(
      (sum, code) => sum + (PROMO_PERCENT_OFF[code] ?? 0),
      0,
    );
    const discount = Math.round((subTotal * Math.min(percentOff, 100)) / 100);
    const options = stored.shipping ? shippingMethods(stored.shipping.rates) : [];
    const method = options.find((option) => option.sku === stored.methodSku) ?? null;
    // Shipping an empty cart costs nothing, or clearing the cart would leave a non-zero total.
    const shipping = method && stored.lines.length > 0 ? method.price.number : 0;
    const tax = stored.shipping
      ? Math.round((subTotal - discount) * stored.shipping.rates.taxRate)
      : 0;
    const shop = shops[stored.domain];
    return {
      cart_id: stored.id,
      shop_id: stored.domain,
      platform_id: shop?.platformId ?? 'emulator',
      display_name: shop?.displayName ?? storeName(stored.domain),
      line_items: stored.lines.map((line) => ({
        line_item_id: line.id,
        sku: line.product.id,
        quantity: line.quantity,
        description: line.product.name,
        price: money(line.product.priceCents),
        line_price: money(line.product.priceCents * line.quantity),
        variant_handles: [...line.variantHandles],
      })),
      sub_total: money(subTotal),
      discount_total: money(discount),
      shipping_total: money(shipping),
      tax: money(tax),
      total: money(subTotal - discount + shipping + tax),
      shipping_info: stored.shipping ? { ...stored.shipping.info } : null,
      shipping_method: method,
      shipping_method_options: options,
      promo_codes: [...stored.promoCodes],
      cart_status: 'active',
    };
  }

  function cartOf(deviceId: string, domain: string): StoredCart {
    const key = `${deviceId} ${domain}`;
    let cart = carts.get(key);
    if (!cart) {
      cart = {
        id: randomUUID(),
        deviceId,
        domain,
        lines: [],
        shipping: null,
        methodSku: null,
        promoCodes: [],
        consents: {},
      };
      carts.set(key, cart);
    }
    return cart;
  }

  function addVariant(
    deviceId: string,
    domain: string,
    variantId: string,
    quantity: number,
    variantHandles?: string[],
  ): Cart {
    const product = findProduct(variantId);
    if (!product) {
      throw new FirmlyApiError(404, 'ErrorVariantNotFound', `Variant ${variantId} not found.`);
    }
    const cart = cartOf(deviceId, domain);
    const line = cart.lines.find((l) => l.product === product);
    if (line) {
      line.quantity += quantity;
      if (variantHandles) line.variantHandles = [...variantHandles];
    } else {
      cart.lines.push({
        id: randomUUID(),
        product,
        quantity,
        variantHandles: variantHandles ?? [],
      });
    }
    return toCart(cart);
  }

  function setQuantity(cart: StoredCart, line: StoredLine, quantity: number): void {
    if (quantity === 0) cart.lines = cart.lines.filter((l) => l !== line);
    else line.quantity = quantity;
  }

  return {
    view: (deviceId, domain) => toCart(cartOf(deviceId, domain)),

    addVariant,

    setLineQuantity(deviceId, domain, lineItemId, quantity) {
      const cart = cartOf(deviceId, domain);
      const line = cart.lines.find((l) => l.id === lineItemId);
      if (!line) {
        throw new FirmlyApiError(
          404,
          'ErrorLineItemNotFound',
          `Line item ${lineItemId} not found.`,
        );
      }
      setQuantity(cart, line, quantity);
      return toCart(cart);
    },

    setSkuQuantity(deviceId, domain, sku, quantity, variantHandles) {
      const cart = cartOf(deviceId, domain);
      const line = cart.lines.find((l) => l.product.id === sku);
      if (line) {
        setQuantity(cart, line, quantity);
        if (variantHandles) line.variantHandles = [...variantHandles];
        return toCart(cart);
      }
      if (quantity === 0) return toCart(cart);
      return addVariant(deviceId, domain, sku, quantity, variantHandles);
    },

    clear(deviceId, domain) {
      const cart = cartOf(deviceId, domain);
      cart.lines = [];
      return toCart(cart);
    },

    setShippingInfo(deviceId, domain, info) {
      const country = shippingCountry(info.country);
      if (!country) {
        throw new FirmlyApiError(
          400,
          'ErrorCountryNotSupported',
          `Shipping to ${info.country} is not supported.`,
        );
      }
      const cart = cartOf(deviceId, domain);
      cart.shipping = { info: { ...info, country: country.code }, rates: country.rates };
      const options = shippingMethods(country.rates);
      if (!options.some((option) => option.sku === cart.methodSku)) {
        cart.methodSku = options[0]?.sku ?? null;
      }
      return toCart(cart);
    },

    setShippingMethod(deviceId, domain, sku) {
      const cart = cartOf(deviceId, domain);
      const options = cart.shipping ? shippingMethods(cart.shipping.rates) : [];
      if (!options.some((option) => option.sku === sku)) {
        throw new FirmlyApiError(
          400,
          'ErrorInvalidShippingMethod',
          cart.shipping
            ? `Shipping method ${sku} is not offered for this cart.`
            : 'Set shipping info before choosing a shipping method.',
        );
      }
      cart.methodSku = sku;
      return toCart(cart);
    },

    setPromoCodes(deviceId, domain, codes) {
      const normalized = codes.map((code) => code.trim().toUpperCase());
      const bad = normalized.find((code) => PROMO_PERCENT_OFF[code] === undefined);
      if (bad !== undefined) {
        throw new FirmlyApiError(422, 'ErrorInvalidPromoCode', `Promo code ${bad} is not valid.`);
      }
      const cart = cartOf(deviceId, domain);
      cart.promoCodes = [...new Set(normalized)];
      return toCart(cart);
    },

    completeOrder(deviceId, domain) {
      const cart = cartOf(deviceId, domain);
      if (cart.lines.length === 0 || !cart.shipping) {
        throw new FirmlyApiError(
          400,
          'ErrorCartNotReady',
          'An order needs at least one line item and shipping info.',
        );
      }
      const orderId = randomUUID();
      const order: Cart = {
        ...toCart(cart),
        cart_status: 'submitted',
        order_id: orderId,
        urls: { thank_you_page: `https://${domain}/checkout/thank-you/${orderId}` },
      };
      carts.delete(`${deviceId} ${domain}`);
      return order;
    },

    consents: (deviceId, domain) => ({ ...cartOf(deviceId, domain).consents }),

    saveConsents(deviceId, domain, consents) {
      const cart = cartOf(deviceId, domain);
      cart.consents = { ...consents };
      return { ...cart.consents };
    },

    activeCarts: (deviceId, excludes = []) =>
      [...carts.values()]
        .filter(
          (cart) =>
            cart.deviceId === deviceId && cart.lines.length > 0 && !excludes.includes(cart.domain),
        )
        .map(toCart),
  };
}
