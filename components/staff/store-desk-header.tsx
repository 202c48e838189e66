import type { Dictionary } from '@/lib/i18n/dictionary';
import { StoreNav } from './store-nav';

type Desk = 'stock' | 'pickup' | 'drive' | 'till' | 'returns';
/** What the header needs of the store: its name and town, and which optional desks it has. */
export type DeskStore = { name: string; town: string; drive: boolean; returnsDesk: boolean };

/** The top of every desk of one store: its name and town, then the desks as tabs (drive and returns where the store has them). */
export function StoreDeskHeader({ storeId, store, current, t }: { storeId: number; store: DeskStore | undefined; current: Desk; t: Dictionary }) {
  return (
    <>
      <div>
        <h1 className="text-xl font-bold sm:text-2xl">{store?.name}</h1>
        {store && <p className="text-sm text-muted">{store.town}</p>}
      </div>
      <StoreNav
        storeId={storeId}
        current={current}
        labels={{
          nav: t.pickup.navLabel,
          stock: t.pickup.navStock,
          pickup: t.pickup.navPickup,
          till: t.till.navTill,
          drive: store?.drive ? t.orders.staffDriveTitle : undefined,
          returns: store?.returnsDesk ? t.returns.navReturns : undefined,
        }}
      />
    </>
  );
}
