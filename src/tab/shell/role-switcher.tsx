/**
 * Dev identity mode only: switch the seeded person the tab is viewed as (`?as=<id>`, sent as
 * `x-dev-user`). The server lists the choices only in dev mode, so this never shows in Teams.
 */
import { Menu, MenuButton, MenuItemRadio, MenuList, MenuPopover, MenuTrigger } from '@fluentui/react-components';
import { PersonSwap20Regular } from '@fluentui/react-icons';
import { useTranslation } from 'react-i18next';
import type { DevIdentity } from '../../shared/contracts/me.js';

export function RoleSwitcher({ identities, currentId }: { identities: readonly DevIdentity[]; currentId: string }) {
  const { t } = useTranslation(['tab', 'common']);
  const label = (identity: DevIdentity) => {
    const main = identity.roles.find((role) => role !== 'employee') ?? 'employee';
    return `${identity.displayName} · ${t(`common:role.${main}`)}`;
  };
  const switchTo = (id: string) => {
    const url = new URL(window.location.href);
    url.searchParams.set('as', id);
    window.location.assign(url.toString());
  };
  return (
    <Menu checkedValues={{ identity: [currentId] }} onCheckedValueChange={(_e, data) => data.checkedItems[0] && switchTo(data.checkedItems[0])}>
      <MenuTrigger disableButtonEnhancement>
        <MenuButton size="small" appearance="subtle" icon={<PersonSwap20Regular />} title={t('tab:app.viewAsLabel')} data-testid="role-switcher">
          {t('tab:app.viewAs')}
        </MenuButton>
      </MenuTrigger>
      <MenuPopover>
        <MenuList>
          {identities.map((identity) => (
            <MenuItemRadio key={identity.id} name="identity" value={identity.id}>
              {label(identity)}
            </MenuItemRadio>
          ))}
        </MenuList>
      </MenuPopover>
    </Menu>
  );
}
