<?xml version="1.0" encoding="UTF-8"?>
<tileset version="1.10" tiledversion="1.10.2" name="vineyard_cellar_flames" tilewidth="32" tileheight="48" tilecount="6" columns="6">
 <image source="vineyard_cellar_flames.png" width="192" height="48"/>
 <tile id="0">
  <animation>
   <frame tileid="0" duration="90"/>
   <frame tileid="1" duration="127"/>
   <frame tileid="2" duration="164"/>
   <frame tileid="3" duration="201"/>
   <frame tileid="4" duration="90"/>
   <frame tileid="5" duration="127"/>
  </animation>
 </tile>
 <tile id="1">
  <animation>
   <frame tileid="2" duration="90"/>
   <frame tileid="0" duration="164"/>
   <frame tileid="3" duration="127"/>
   <frame tileid="1" duration="201"/>
   <frame tileid="5" duration="201"/>
   <frame tileid="4" duration="164"/>
  </animation>
 </tile>
 <tile id="2">
  <animation>
   <frame tileid="4" duration="90"/>
   <frame tileid="3" duration="201"/>
   <frame tileid="0" duration="90"/>
   <frame tileid="5" duration="127"/>
   <frame tileid="1" duration="127"/>
   <frame tileid="2" duration="164"/>
  </animation>
 </tile>
</tileset>
