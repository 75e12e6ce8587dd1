<?xml version="1.0" encoding="UTF-8"?>
<tileset version="1.10" tiledversion="1.10.2" name="berlin_1989_halo" tilewidth="128" tileheight="128" tilecount="4" columns="4">
 <image source="berlin_1989_halo.png" width="512" height="128"/>
 <tile id="0">
  <animation>
   <frame tileid="0" duration="3250"/>
   <frame tileid="1" duration="250"/>
   <frame tileid="2" duration="250"/>
   <frame tileid="3" duration="250"/>
   <frame tileid="2" duration="250"/>
  </animation>
 </tile>
 <tile id="1">
  <animation>
   <frame tileid="0" duration="4500"/>
   <frame tileid="1" duration="250"/>
   <frame tileid="2" duration="250"/>
   <frame tileid="3" duration="250"/>
   <frame tileid="2" duration="250"/>
  </animation>
 </tile>
</tileset>
