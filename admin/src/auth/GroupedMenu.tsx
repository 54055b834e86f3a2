import { useState } from 'react';
import { Collapse, List, ListItemButton, ListItemText } from '@mui/material';
import ExpandLess from '@mui/icons-material/ExpandLess';
import ExpandMore from '@mui/icons-material/ExpandMore';
import { Menu, useResourceDefinitions, useSidebarState } from 'react-admin';
import { useLocation } from 'react-router-dom';
import { groupResources, type MenuGroup } from '../menuGroups';
import { canAccess } from './canAccess';
import { getUser } from './session';

const OPEN_KEY = 'baotou.admin.menuOpen';

const readOpen = (): Record<string, boolean> => {
  try {
    return JSON.parse(localStorage.getItem(OPEN_KEY) ?? '{}') as Record<string, boolean>;
  } catch {
    return {};
  }
};

const Group = ({ group, open, onToggle }: { group: MenuGroup; open: boolean; onToggle: () => void }) => {
  const [sidebarOpen] = useSidebarState();
  return (
    <>
      <ListItemButton onClick={onToggle} dense data-menu-group={group.key} aria-expanded={open}>
        <ListItemText primary={group.label} primaryTypographyProps={{ fontWeight: 600, noWrap: true }} />
        {sidebarOpen && (open ? <ExpandLess fontSize="small" /> : <ExpandMore fontSize="small" />)}
      </ListItemButton>
      <Collapse in={open} timeout="auto" unmountOnExit>
        <List disablePadding sx={sidebarOpen ? { pl: 1 } : undefined}>
          {group.resources.map((name) => (
            <Menu.ResourceItem key={name} name={name} />
          ))}
        </List>
      </Collapse>
    </>
  );
};

/**
 * The sidebar: 首页, then MENU_GROUPS (admin/src/menuGroups.ts) as collapsible groups holding the
 * resources the signed-in role may list (canAccess). A group with nothing accessible is hidden;
 * the group of the page being shown starts open.
 */
export const GroupedMenu = () => {
  const resources = useResourceDefinitions();
  const role = getUser()?.role;
  const { pathname } = useLocation();
  const [open, setOpen] = useState(readOpen);
  const visible = groupResources(Object.keys(resources).filter((name) => resources[name].hasList))
    .map((g) => ({ ...g, resources: g.resources.filter((r) => canAccess(role, { action: 'list', resource: r })) }))
    .filter((g) => g.resources.length > 0);
  const current = pathname.split('/')[1];
  const toggle = (key: string, isOpen: boolean) => {
    const next = { ...open, [key]: !isOpen };
    localStorage.setItem(OPEN_KEY, JSON.stringify(next));
    setOpen(next);
  };
  return (
    <Menu>
      <Menu.DashboardItem />
      {visible.map((g) => {
        const isOpen = open[g.key] ?? g.resources.includes(current);
        return <Group key={g.key} group={g} open={isOpen} onToggle={() => toggle(g.key, isOpen)} />;
      })}
    </Menu>
  );
};
