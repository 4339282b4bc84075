import {
  ApartmentOutline,
  AuditOutline,
  CheckSquareOutline,
  DashboardOutline,
  FileTextOutline,
  HomeOutline,
  InboxOutline,
  LockOutline,
  LogoutOutline,
  MenuFoldOutline,
  MenuOutline,
  MenuUnfoldOutline,
  ReadOutline,
  SafetyCertificateOutline,
  SendOutline,
  TeamOutline,
  TranslationOutline,
  UserOutline,
  UserSwitchOutline,
} from '@ant-design/icons-angular/icons';
import type { IconDefinition } from '@ant-design/icons-angular';

/**
 * Every icon the app shows, bundled statically. The intranet has no route to a CDN, and
 * nz-icon would otherwise try to fetch unknown icons over HTTP. ng-zorro registers the icons
 * its own components use (NZ_ICONS_USED_BY_ZORRO); add new ones here.
 */
export const APP_ICONS: IconDefinition[] = [
  ApartmentOutline,
  AuditOutline,
  CheckSquareOutline,
  DashboardOutline,
  FileTextOutline,
  HomeOutline,
  InboxOutline,
  LockOutline,
  LogoutOutline,
  MenuFoldOutline,
  MenuOutline,
  MenuUnfoldOutline,
  ReadOutline,
  SafetyCertificateOutline,
  SendOutline,
  TeamOutline,
  TranslationOutline,
  UserOutline,
  UserSwitchOutline,
];
